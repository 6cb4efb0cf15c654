// DevCon 2027: a made-up three-day developer conference, 18-20 May 2027 in New York (the sandbox's
// guide 1 is in America/New_York). The sessions of samples/devcon-2027.xlsx and its edited copy.

export interface AgendaSession {
  id: string;
  title: string;
  /** Day of May 2027. */
  day: number;
  start: [hour: number, minute: number];
  end: [hour: number, minute: number];
  tracks: string;
  room: string;
  description: string;
  speakers: string[];
}

interface Talk {
  title: string;
  tracks: string;
  abstract: string;
  speakers: string[];
  level?: 'Introductory' | 'Intermediate' | 'Advanced';
}

interface Day {
  day: number;
  breakfast: string;
  keynote: Talk;
  /** Slots A-D hold three talks (Rooms 201, 202, 203); slot E two (Rooms 201, 202). */
  slots: [Talk[], Talk[], Talk[], Talk[], Talk[]];
  workshops: [Talk, Talk];
  panel: Talk;
  closing: Talk;
  evening?: { title: string; description: string };
}

const ROOMS = ['Room 201', 'Room 202', 'Room 203'];
const SLOT_TIMES: Array<[[number, number], [number, number]]> = [
  [[10, 30], [11, 15]],
  [[11, 30], [12, 15]],
  [[13, 30], [14, 15]],
  [[14, 30], [15, 15]],
  [[15, 45], [16, 30]],
];

const DAYS: Day[] = [
  {
    day: 18,
    breakfast: 'Registration & Breakfast',
    keynote: {
      title: 'Opening Keynote: Software in 2030',
      tracks: 'Keynote',
      abstract: 'Where tools, teams and platforms are heading, and what it means for the code we write this year.',
      speakers: ['Amara Okafor'],
    },
    slots: [
      [
        { title: 'Retrieval-Augmented Generation in Production', tracks: 'AI; Data', abstract: 'Chunking, ranking and evaluation lessons from two years of RAG systems serving real users.', speakers: ['Priya Raman'], level: 'Intermediate' },
        { title: 'Kubernetes Cost Control Without the Pain', tracks: 'Cloud; DevOps', abstract: 'Right-sizing, bin-packing and spot capacity: how one team cut its cluster bill by 40%.', speakers: ['Lars Henriksen'] },
        { title: 'The Modern Web Platform in 2027', tracks: 'Web', abstract: 'View transitions, popovers, anchor positioning: what you can drop from your bundle today.', speakers: ['Sofia Marquez'], level: 'Introductory' },
      ],
      [
        { title: 'Evaluating LLM Agents: Beyond Vibes', tracks: 'AI', abstract: 'Building evaluation suites for agents that call tools, and catching regressions before users do.', speakers: ['Daniel Cho'], level: 'Advanced' },
        { title: 'Serverless at the Edge', tracks: 'Cloud', abstract: 'Latency, cold starts and data locality when your functions run in 300 cities.', speakers: ['Hannah Weiss'] },
        { title: 'Passkeys for Everyone', tracks: 'Security; Web', abstract: 'A practical migration path from passwords to passkeys, including account recovery.', speakers: ['Omar Haddad'], level: 'Introductory' },
      ],
      [
        { title: 'Vector Databases Compared', tracks: 'Data', abstract: 'Benchmarks and trade-offs of five vector stores on the same workload.', speakers: ['Mei Lin'] },
        { title: 'Platform Engineering: Paved Roads That Stick', tracks: 'DevOps', abstract: 'Why golden paths get abandoned, and the product habits that keep developers on them.', speakers: ['Grace Adeyemi'] },
        { title: 'Accessible Components from Day One', tracks: 'Web', abstract: 'Keyboard, focus and screen-reader behaviour built into a design system rather than bolted on.', speakers: ['Tomás Ferreira'], level: 'Intermediate' },
      ],
      [
        { title: 'Fine-Tuning Small Models on a Budget', tracks: 'AI', abstract: 'LoRA, distillation and careful data curation on a single GPU.', speakers: ['Ravi Shankar'], level: 'Advanced' },
        { title: 'Multi-Region Postgres', tracks: 'Cloud; Data', abstract: 'Replication, failover and conflict handling when one region is not enough.', speakers: ['Elena Petrova'] },
        { title: 'Supply-Chain Security for npm Packages', tracks: 'Security', abstract: 'Provenance, lockfile hygiene and what the last three big incidents teach us.', speakers: ['Jonas Becker'] },
      ],
      [
        { title: 'Data Contracts in Practice', tracks: 'Data', abstract: 'Schemas as agreements between producing and consuming teams, enforced in CI.', speakers: ['Aisha Bello'] },
        { title: 'Incident Reviews That Actually Improve Things', tracks: 'DevOps', abstract: 'Blameless is the start, not the goal: turning reviews into changes that stick.', speakers: ['Michael Brennan'] },
      ],
    ],
    workshops: [
      { title: 'Workshop: Hands-on Terraform Modules', tracks: 'Workshop; Cloud', abstract: 'Write, test and publish a reusable Terraform module.', speakers: ['Lars Henriksen', 'Nadia Rahman'] },
      { title: 'Workshop: Building Your First RAG App', tracks: 'Workshop; AI', abstract: 'From a folder of PDFs to a question-answering service with citations.', speakers: ['Priya Raman'] },
    ],
    panel: { title: 'Panel: AI in the Developer Workflow', tracks: 'AI; Community', abstract: 'Four teams compare how assistants changed code review, testing and onboarding.', speakers: ['Daniel Cho', 'Grace Adeyemi', 'Sofia Marquez', 'Kenji Watanabe'] },
    closing: { title: 'Lightning Talks', tracks: 'Community', abstract: 'Ten talks, five minutes each, sign-up at the registration desk.', speakers: [] },
    evening: {
      title: 'Welcome Reception',
      description: 'Drinks and snacks in the Foyer and on the terrace. Bring your badge.\n\nSponsored by Northwind Cloud.',
    },
  },
  {
    day: 19,
    breakfast: 'Breakfast',
    keynote: { title: 'Keynote: Software That Lasts', tracks: 'Keynote', abstract: 'Maintainability as a feature: the decisions that keep systems healthy for a decade.', speakers: ['Kenji Watanabe'] },
    slots: [
      [
        { title: 'Streaming Data with Kafka and Flink', tracks: 'Data', abstract: 'Exactly-once pipelines, state management and the operational cost of streaming.', speakers: ['Elena Petrova'], level: 'Advanced' },
        { title: 'GitOps at Scale', tracks: 'DevOps; Cloud', abstract: 'Managing 400 clusters from one repository without losing your mind.', speakers: ['Nadia Rahman'] },
        { title: 'Type-Safe APIs End to End with TypeScript', tracks: 'Web', abstract: 'One schema from database to browser, and the bugs it removed.', speakers: ['Tomás Ferreira'], level: 'Intermediate' },
      ],
      [
        { title: 'Responsible AI: Shipping Guardrails', tracks: 'AI; Security', abstract: 'Content filters, red-teaming and audit trails that satisfy legal without stalling releases.', speakers: ['Aisha Bello'] },
        { title: 'FinOps for Engineers', tracks: 'Cloud', abstract: 'Reading the bill, tagging resources and making cost a pull-request check.', speakers: ['Hannah Weiss'], level: 'Introductory' },
        { title: 'Web Performance: The INP Playbook', tracks: 'Web', abstract: 'Finding and fixing slow interactions with field data and long-animation-frame traces.', speakers: ['Sofia Marquez'] },
      ],
      [
        { title: 'Feature Stores Demystified', tracks: 'Data; AI', abstract: 'What a feature store is, when you need one, and when a table will do.', speakers: ['Mei Lin'], level: 'Introductory' },
        { title: 'Observability on a Budget with OpenTelemetry', tracks: 'DevOps', abstract: 'Sampling, cardinality and storage choices for teams without a vendor budget.', speakers: ['Michael Brennan'] },
        { title: 'Threat Modeling for Product Teams', tracks: 'Security', abstract: 'A one-hour threat-modeling format that product teams actually run.', speakers: ['Omar Haddad'] },
      ],
      [
        { title: 'On-Device AI with WebGPU', tracks: 'AI; Web', abstract: 'Running models in the browser: performance, memory and privacy trade-offs.', speakers: ['Ravi Shankar'], level: 'Advanced' },
        { title: 'Chaos Engineering for the Rest of Us', tracks: 'DevOps', abstract: 'Small, safe experiments that find the failure modes before customers do.', speakers: ['Grace Adeyemi'] },
        { title: 'OAuth 2.1 Explained', tracks: 'Security', abstract: 'What changed from OAuth 2.0, and the flows you should stop using.', speakers: ['Jonas Becker'], level: 'Intermediate' },
      ],
      [
        { title: 'Data Mesh: Two Years In', tracks: 'Data', abstract: 'Domain ownership of data at a retailer: what worked, what we rolled back.', speakers: ['Aisha Bello', 'Elena Petrova'] },
        { title: 'Migrating a Monolith to the Cloud, One Slice at a Time', tracks: 'Cloud', abstract: 'The strangler pattern applied to a 15-year-old billing system.', speakers: ['Lars Henriksen'] },
      ],
    ],
    workshops: [
      { title: 'Workshop: Kubernetes Operators from Scratch', tracks: 'Workshop; Cloud', abstract: 'Write a small operator in Go and watch it reconcile.', speakers: ['Nadia Rahman'] },
      { title: 'Workshop: Secure Coding Dojo', tracks: 'Workshop; Security', abstract: 'Find and fix real vulnerabilities in a deliberately broken web app.', speakers: ['Omar Haddad', 'Jonas Becker'] },
    ],
    panel: { title: 'Panel: Open Source Sustainability', tracks: 'Community', abstract: 'Maintainers and funders on keeping critical projects alive.', speakers: ['Amara Okafor', 'Tomás Ferreira', 'Mei Lin'] },
    closing: { title: 'Community Showcase', tracks: 'Community', abstract: 'Local meetups and open source projects present what they built this year.', speakers: [] },
  },
  {
    day: 20,
    breakfast: 'Breakfast',
    keynote: { title: 'Keynote: The Next Ten Years of the Web', tracks: 'Keynote', abstract: 'Standards, browsers and the open web as the platform of the next decade.', speakers: ['Sofia Marquez'] },
    slots: [
      [
        { title: 'Prompt Engineering Is Software Engineering', tracks: 'AI', abstract: 'Version control, tests and reviews for prompts.', speakers: ['Daniel Cho'] },
        { title: 'Zero-Downtime Database Migrations', tracks: 'DevOps; Data', abstract: 'Expand-and-contract migrations on tables with a billion rows.', speakers: ['Elena Petrova'], level: 'Advanced' },
        { title: 'Micro-Frontends: When and When Not', tracks: 'Web', abstract: 'An honest account of splitting one front end across six teams.', speakers: ['Tomás Ferreira'] },
      ],
      [
        { title: 'Graph Neural Networks for Recommendations', tracks: 'AI; Data', abstract: 'From collaborative filtering to GNNs in a production recommender.', speakers: ['Ravi Shankar'], level: 'Advanced' },
        { title: 'Securing the Software Supply Chain with SLSA', tracks: 'Security; DevOps', abstract: 'Reaching SLSA level 3 for a build pipeline, step by step.', speakers: ['Jonas Becker'] },
        { title: 'CSS in 2027: Container Queries and Beyond', tracks: 'Web', abstract: 'Layouts that respond to their container, and the new selectors that simplify components.', speakers: ['Sofia Marquez'], level: 'Introductory' },
      ],
      [
        { title: 'Synthetic Data for Testing', tracks: 'Data', abstract: 'Realistic test data without copying production, and how to prove it is safe.', speakers: ['Mei Lin'] },
        { title: 'Cost-Aware Architecture Across Three Clouds', tracks: 'Cloud', abstract: 'Designing for cost on AWS, Azure and Google Cloud alike.', speakers: ['Hannah Weiss'] },
        { title: 'Building Offline-First Apps', tracks: 'Web', abstract: 'Sync engines, conflict resolution and service workers in a field-service app.', speakers: ['Kenji Watanabe'], level: 'Intermediate' },
      ],
      [
        { title: "MLOps Pipelines That Don't Break", tracks: 'AI; DevOps', abstract: 'Reproducible training, model registries and safe rollouts.', speakers: ['Priya Raman'] },
        { title: 'WebAssembly on the Server', tracks: 'Cloud; Web', abstract: 'Wasm components as a lighter alternative to containers.', speakers: ['Nadia Rahman'] },
        { title: 'Red Team Stories', tracks: 'Security', abstract: 'Three engagements, three ways in, and the fixes that followed.', speakers: ['Omar Haddad'] },
      ],
      [
        { title: 'Privacy Engineering with Differential Privacy', tracks: 'Data; Security', abstract: 'Publishing useful statistics without exposing individuals.', speakers: ['Aisha Bello'], level: 'Advanced' },
        { title: 'Internal Developer Portals with Backstage', tracks: 'DevOps', abstract: 'Catalog, templates and scorecards: a year of running Backstage.', speakers: ['Grace Adeyemi'] },
      ],
    ],
    workshops: [
      { title: 'Workshop: Hands-on with WebGPU', tracks: 'Workshop; Web', abstract: 'Render and compute on the GPU from plain JavaScript.', speakers: ['Ravi Shankar'] },
      { title: 'Workshop: Data Pipelines with dbt', tracks: 'Workshop; Data', abstract: 'Model, test and document a small analytics warehouse.', speakers: ['Mei Lin', 'Aisha Bello'] },
    ],
    panel: { title: 'Panel: Hiring and Growing Engineers in the AI Era', tracks: 'Community', abstract: 'Engineering leaders on junior roles, mentoring and interviews when assistants write code.', speakers: ['Amara Okafor', 'Michael Brennan', 'Priya Raman'] },
    closing: { title: 'Closing Keynote & Prize Draw', tracks: 'Keynote', abstract: 'Highlights of the week, thanks to the volunteers, and the prize draw.', speakers: ['Amara Okafor'] },
  },
];

function talkDescription(talk: Talk): string {
  const paragraphs = [talk.abstract];
  if (talk.speakers.length > 0) paragraphs.push(`Speaker${talk.speakers.length > 1 ? 's' : ''}: ${talk.speakers.join(', ')}.`);
  if (talk.level) paragraphs.push(`Level: ${talk.level}.`);
  return paragraphs.join('\n\n');
}

// Two rows carry basic HTML, as teams pasting from a website do.
function workshopDescription(talk: Talk): string {
  return (
    `<p>${talk.abstract}</p>` +
    '<p><b>Bring a laptop</b> with a recent browser and Node.js 20 or newer. Seats are limited to 30.</p>' +
    `<ul><li>Instructors: ${talk.speakers.join(' and ')}</li><li>Duration: 2 hours, hands-on</li></ul>`
  );
}

/** The sessions of devcon-2027.xlsx in sheet order, numbered DC27-001 onwards. */
export function devconSessions(): AgendaSession[] {
  const sessions: Array<Omit<AgendaSession, 'id'>> = [];
  const add = (day: number, start: [number, number], end: [number, number], title: string, tracks: string, room: string, description: string, speakers: string[] = []) =>
    sessions.push({ day, start, end, title, tracks, room, description, speakers });

  for (const day of DAYS) {
    const htmlWorkshop = day.day === 18 ? 0 : day.day === 20 ? 1 : -1;
    const workshop = (index: 0 | 1) => {
      const talk = day.workshops[index];
      return index === htmlWorkshop ? workshopDescription(talk) : talkDescription(talk);
    };
    add(day.day, [8, 0], [9, 0], day.breakfast, '', 'Foyer', day.day === 18 ? 'Pick up your badge and have breakfast. Coffee, tea and pastries until 9:00 AM.' : 'Coffee, tea and a light breakfast.');
    add(day.day, [9, 0], [10, 0], day.keynote.title, day.keynote.tracks, 'Main Hall', talkDescription(day.keynote), day.keynote.speakers);
    add(day.day, [10, 0], [10, 30], 'Morning Break', '', 'Foyer', '');
    day.slots.forEach((talks, slot) => {
      const [start, end] = SLOT_TIMES[slot]!;
      if (slot === 2) add(day.day, [12, 15], [13, 30], 'Lunch', '', 'Foyer', 'Lunch is served in the Foyer. Vegetarian, vegan and gluten-free options are labelled.');
      if (slot === 4) {
        add(day.day, [15, 15], [15, 45], 'Afternoon Break', '', 'Foyer', '');
        add(day.day, start, end, day.panel.title, day.panel.tracks, 'Main Hall', talkDescription(day.panel), day.panel.speakers);
      }
      talks.forEach((talk, index) => add(day.day, start, end, talk.title, talk.tracks, ROOMS[index]!, talkDescription(talk), talk.speakers));
      if (slot === 0) add(day.day, [10, 30], [12, 30], day.workshops[0].title, day.workshops[0].tracks, 'Workshop Lab', workshop(0), day.workshops[0].speakers);
      if (slot === 2) add(day.day, [13, 30], [15, 30], day.workshops[1].title, day.workshops[1].tracks, 'Workshop Lab', workshop(1), day.workshops[1].speakers);
    });
    add(day.day, [16, 45], [17, 30], day.closing.title, day.closing.tracks, 'Main Hall', talkDescription(day.closing), day.closing.speakers);
    if (day.evening) add(day.day, [18, 0], [20, 30], day.evening.title, 'Social', 'Foyer', day.evening.description);
  }
  return sessions.map((session, index) => ({ id: `DC27-${String(index + 1).padStart(3, '0')}`, ...session }));
}

/**
 * The agenda a week later: one talk retimed, one moved to a bigger room, one renamed, one
 * description extended, and one session added. Nothing else differs.
 */
export function editedDevconSessions(): AgendaSession[] {
  const sessions = devconSessions().map((session) => ({ ...session }));
  const find = (title: string) => {
    const found = sessions.find((session) => session.title === title);
    if (!found) throw new Error(`no session "${title}"`);
    return found;
  };
  const monolith = find('Migrating a Monolith to the Cloud, One Slice at a Time');
  monolith.start = [16, 0];
  monolith.end = [16, 45];
  find('Evaluating LLM Agents: Beyond Vibes').room = 'Main Hall';
  find('Passkeys for Everyone').title = 'Passkeys for Everyone: Retiring the Password';
  // A co-speaker joins a talk: two links (talk → speaker, speaker → talk) and nothing else.
  const vectors = find('Vector Databases Compared');
  vectors.speakers = [...vectors.speakers, 'Priya Raman'];
  const closing = find('Closing Keynote & Prize Draw');
  closing.description += '\n\nThe prize draw includes three conference passes for DevCon 2028. You must be present to win.';

  const lunchDay2 = sessions.findIndex((session) => session.day === 19 && session.title === 'Lunch');
  sessions.splice(lunchDay2 + 1, 0, {
    id: 'DC27-071',
    title: 'Sponsor Showcase: Northwind Cloud',
    day: 19,
    start: [12, 30],
    end: [13, 15],
    tracks: 'Community',
    room: 'Main Hall',
    description: 'A lunchtime demo of managed Postgres with point-in-time recovery. Lunch boxes available at the door.',
    speakers: ['Hannah Weiss'],
  });
  return sessions;
}

/** The Speakers sheet: one row per speaker, with the ids of their sessions. */
export function speakerRows(sessions: readonly AgendaSession[]): string[][] {
  const bySpeaker = new Map<string, string[]>();
  for (const session of sessions) {
    for (const speaker of session.speakers) bySpeaker.set(speaker, [...(bySpeaker.get(speaker) ?? []), session.id]);
  }
  return [...bySpeaker.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([name, ids]) => [name, TITLES[name] ?? '', COMPANIES[name] ?? '', emailOf(name), ids.join(', ')]);
}

/** A speaker's (made-up) address: what tells two people with one name apart. */
function emailOf(name: string): string {
  const [first, ...rest] = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(' ');
  return `${first}.${rest.join('-')}@speakers.devcon.example`;
}

const TITLES: Record<string, string> = {
  'Priya Raman': 'Principal Engineer',
  'Lars Henriksen': 'Staff SRE',
  'Daniel Cho': 'CTO',
  'Grace Adeyemi': 'Head of Platform',
  'Elena Petrova': 'Database Engineer',
};

const COMPANIES: Record<string, string> = {
  'Amara Okafor': 'DevCon Program Chair',
  'Priya Raman': 'Lumen Analytics',
  'Lars Henriksen': 'Nordlys Systems',
  'Sofia Marquez': 'Browser Standards Group',
  'Daniel Cho': 'Taskweave',
  'Hannah Weiss': 'Northwind Cloud',
  'Omar Haddad': 'Keystone Security',
  'Mei Lin': 'Quarry Data',
  'Grace Adeyemi': 'Paved Road Labs',
  'Tomás Ferreira': 'Open Components Foundation',
  'Ravi Shankar': 'Tensorfield',
  'Elena Petrova': 'Replica DB',
  'Jonas Becker': 'Sigstack',
  'Aisha Bello': 'Meridian Retail',
  'Michael Brennan': 'Pagerless',
  'Nadia Rahman': 'Clusterworks',
  'Kenji Watanabe': 'Fieldkit',
};
