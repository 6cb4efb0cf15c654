/** English month names and abbreviations ("Sept" too), as one capturing regex group. */
export const MONTH_NAME_PATTERN =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** 1-12 for a lower-case name matched by MONTH_NAME_PATTERN; 0 otherwise. */
export function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3)] ?? 0;
}
