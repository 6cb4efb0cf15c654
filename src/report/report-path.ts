import path from 'node:path';

export type ReportFormat = 'csv' | 'json' | 'html';

/** The report format a path asks for by its ending: .json, .html (or .htm), anything else CSV. */
export function reportFormatFor(reportPath: string): ReportFormat {
  const extension = path.extname(reportPath).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.html' || extension === '.htm') return 'html';
  return 'csv';
}

/** `<input name>.report.csv` beside the input: agenda.xlsx → agenda.report.csv. */
export function defaultReportPath(inputFile: string): string {
  const { dir, name } = path.parse(inputFile);
  return path.join(dir, `${name}.report.csv`);
}
