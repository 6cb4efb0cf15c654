// "Open Data Summit Berlin 2027", 14-15 September 2027: the sessions of samples/sched-export.csv,
// as a scheduling tool exports them. Its times are Berlin wall-clock times, not the guide's zone.

export interface ExportedSession {
  title: string;
  day: number; // of September 2027
  start: [number, number];
  end: [number, number];
  venue: string;
  category: string;
  abstract: string;
}

const S = (day: number, start: [number, number], end: [number, number], venue: string, category: string, title: string, abstract = ''): ExportedSession => ({
  title,
  day,
  start,
  end,
  venue,
  category,
  abstract,
});

export const SCHED_SESSIONS: readonly ExportedSession[] = [
  S(14, [8, 30], [9, 15], 'Foyer', 'Break', 'Registration & Coffee', 'Pick up your badge at the desk by the main entrance, Stralauer Straße 1.'),
  S(14, [9, 15], [9, 30], 'Saal A', 'Keynote', 'Welcome to Open Data Summit 2027'),
  S(14, [9, 30], [10, 30], 'Saal A', 'Keynote', 'Keynote: Open Data as Public Infrastructure',
    'Roads, water, power... and data. Why public data deserves the same maintenance budgets, service levels and\nstewardship as any other infrastructure.\n\nDr. Katrin Müller, Federal Office for Data Stewardship'),
  S(14, [10, 30], [11, 0], 'Foyer', 'Break', 'Coffee Break'),
  S(14, [11, 0], [11, 40], 'Saal A', 'Open Data', 'Publishing Transit Data in Real Time',
    'GTFS-Realtime feeds for 1,200 buses: latency, accuracy and the "last mile" to app developers.'),
  S(14, [11, 0], [11, 40], 'Saal B', 'Data Engineering', 'Parquet, Iceberg, Delta: Choosing a Table Format',
    'A comparison of open table formats, with benchmarks on schema evolution, time travel and compaction.'),
  S(14, [11, 0], [11, 40], 'Raum 1.01', 'Visualisation', 'Maps That Do Not Lie',
    'Projections, binning and colour scales: how map choices change the story, and how to choose honestly.'),
  S(14, [11, 50], [12, 30], 'Saal A', 'Open Data', 'Licences Explained: CC-BY, ODbL and Friends',
    'Which licence for which dataset, what "share-alike" means in practice, and how to combine sources.'),
  S(14, [11, 50], [12, 30], 'Saal B', 'Data Engineering', 'Data Quality Checks at Ingestion',
    'Validating schema, ranges and freshness before data lands, with open-source tools.\n\nBring your worst CSV.'),
  S(14, [11, 50], [12, 30], 'Raum 1.01', 'Visualisation', 'Accessible Charts',
    'Colour contrast, text alternatives and sonification, so that every reader gets the point.'),
  S(14, [12, 30], [13, 30], 'Foyer', 'Break', 'Lunch', 'Vegetarian and vegan dishes, served in the Foyer and the Café.'),
  S(14, [13, 30], [14, 10], 'Saal A', 'Open Data', 'Citizen Science and Air Quality',
    '2,000 low-cost sensors across Berlin: calibration, open APIs, and what residents did with the data.'),
  S(14, [13, 30], [14, 10], 'Saal B', 'Data Engineering', 'Streaming Census Updates',
    'From yearly dumps to daily change feeds: rebuilding a statistics office\'s publishing pipeline.'),
  S(14, [13, 30], [14, 10], 'Raum 1.01', 'Privacy', 'Anonymisation Is Harder Than You Think',
    'Re-identification attacks on "anonymous" datasets, and the techniques that hold up: k-anonymity, differential privacy.'),
  S(14, [14, 20], [15, 0], 'Saal A', 'Open Data', 'APIs for Public Registers',
    'Designing stable, versioned APIs for company, land and vehicle registers.'),
  S(14, [14, 20], [15, 0], 'Saal B', 'Data Engineering', 'DuckDB in the Data Portal',
    'Running analytical queries in the browser, on open data, with no server at all.'),
  S(14, [14, 20], [15, 0], 'Raum 1.01', 'Visualisation', 'Dashboards for Decision Makers',
    'Fewer charts, clearer questions: lessons from dashboards for three city councils.'),
  S(14, [15, 0], [15, 30], 'Foyer', 'Break', 'Coffee Break'),
  S(14, [15, 30], [16, 10], 'Saal A', 'Open Data', 'Open Data in Public Procurement',
    'Following the money: contracting data standards, and the journalists who use them.'),
  S(14, [15, 30], [16, 10], 'Saal B', 'Privacy', 'Synthetic Data for Public Statistics',
    'When real microdata cannot be published, can synthetic data take its place? Results from a two-year pilot.'),
  S(14, [15, 30], [17, 30], 'Workshop-Raum', 'Workshop', 'Workshop: Build a Data Portal with CKAN',
    'Hands-on: install CKAN, load three datasets, add a custom theme.\n\nBring a laptop with Docker installed. Limited to 25 places, sign up at the registration desk.'),
  S(14, [16, 20], [17, 0], 'Saal A', 'Keynote', 'Panel: Who Pays for Open Data?',
    'Funders, agencies and maintainers discuss sustainable funding, with questions from the floor.'),
  S(14, [19, 0], [22, 0], 'Café am Ufer', 'Social', 'Summit Dinner',
    'At Café am Ufer, a 10-minute walk along the river. Dinner, drinks, and a quiz; tickets at the desk.'),
  S(15, [9, 0], [9, 45], 'Foyer', 'Break', 'Breakfast'),
  S(15, [9, 45], [10, 30], 'Saal A', 'Keynote', 'Keynote: Data Commons in Europe',
    'Shared data spaces across borders: governance, trust and the technical standards behind them.'),
  S(15, [10, 45], [11, 25], 'Saal A', 'Open Data', 'Open Budgets, Line by Line',
    'Publishing a city budget as machine-readable data, with a "where does my tax go" explorer.'),
  S(15, [10, 45], [11, 25], 'Saal B', 'Data Engineering', 'Versioning Datasets Like Code',
    'Diffs, branches and releases for datasets, with open tools.'),
  S(15, [10, 45], [11, 25], 'Raum 1.01', 'Visualisation', 'Small Multiples, Big Insights',
    'Why twenty small charts often beat one large one.'),
  S(15, [11, 35], [12, 15], 'Saal A', 'Open Data', 'Geodata for Climate Adaptation',
    'Heat maps, flood zones and tree cadastres: open geodata for a warmer city.'),
  S(15, [11, 35], [12, 15], 'Saal B', 'Privacy', 'Consent, Purpose and Public Data',
    'The GDPR rules that apply when public bodies publish data about people.'),
  S(15, [11, 35], [12, 15], 'Raum 1.01', 'Data Engineering', 'Linked Data Without Tears',
    'JSON-LD, DCAT-AP and SHACL explained with one worked example.'),
  S(15, [12, 15], [13, 15], 'Foyer', 'Break', 'Lunch'),
  S(15, [13, 15], [13, 55], 'Saal A', 'Open Data', 'Measuring the Impact of Open Data',
    'Metrics that matter beyond download counts: reuse, apps, decisions changed.'),
  S(15, [13, 15], [13, 55], 'Saal B', 'Visualisation', 'Storytelling with Data for Newsrooms',
    'How a small data desk publishes a chart a day, with an open-source toolchain.'),
  S(15, [14, 5], [14, 45], 'Saal A', 'Keynote', 'Closing Session & Thanks',
    'Highlights, thanks to the volunteers and sponsors, and the dates of the 2028 summit.'),
];

/** A stable, Sched-like hexadecimal session id from the session's day, start and title (FNV-1a). */
export function schedSessionId(session: ExportedSession): string {
  let hash = 0x811c9dc5;
  for (const char of `${session.day} ${session.start.join(':')} ${session.title}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
