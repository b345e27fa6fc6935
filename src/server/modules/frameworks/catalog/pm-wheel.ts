import type { CatalogFramework } from '../frameworks.catalog.js';

/**
 * "PM wheel", after Petra Wille's: eight areas of the PM's work, rated 1-5. The area names follow the
 * original; the two groups, descriptions, descriptors and questions are our own.
 */
export const PM_WHEEL: CatalogFramework = {
  key: 'pm-wheel',
  name: 'PM wheel',
  description:
    'Eight areas of a product manager’s work, the product work itself (understand problems, find solutions, plan, get it done) and the ways of ' +
    'working around it (listen and learn, iterate, team, agile), rated to show where the wheel is flat.',
  source: 'After Petra Wille’s PM wheel (Strong Product People); descriptions are our own',
  scaleMin: 1,
  scaleMax: 5,
  scaleLabels: ['Not yet', 'Emerging', 'Practising', 'Fluent', 'Teaching others'],
  ratesImportance: false,
  competencies: [
    {
      key: 'understand-problems',
      area: 'Product work',
      name: 'Understand problems',
      description: 'Understands the problem before reaching for solutions: who has it, how often, and how much it matters to them and to the business.',
      descriptors: [
        'Jumps to solutions.',
        'Describes the problem when asked.',
        'Frames problems with evidence from users and data.',
        'Reframes problems for several teams and finds the ones that matter most.',
        'Teaches problem framing across the organization.',
      ],
      expected: { shared: [2, 2, 3, 4], ic: [4, 5, 5], management: [4, 4, 4] },
      questions: [
        { text: 'How would the customer describe this problem without mentioning our product?', signals: ['interviews'] },
        { text: 'How often does this problem happen, and to whom?', signals: ['feedback-triage'] },
        { text: 'What would happen if we never solved it?', signals: ['decisions'] },
      ],
    },
    {
      key: 'find-solutions',
      area: 'Product work',
      name: 'Find solutions',
      description: 'Explores several solutions with the team and tests the promising ones before committing to one.',
      descriptors: [
        'Goes with the first idea.',
        'Considers alternatives when prompted.',
        'Generates several options with the team and tests the most promising.',
        'Guides teams to inventive solutions under uncertainty.',
        'Shapes how the organization explores solutions.',
      ],
      expected: { shared: [2, 2, 3, 4], ic: [4, 4, 5], management: [4, 4, 4] },
      questions: [
        { text: 'Which other solutions did you consider, and why did you drop them?', signals: ['experiments', 'decisions'] },
        { text: 'How could you test this solution before it is built?', signals: ['experiments'] },
        { text: 'Which idea from the team did you not expect, and what did you do with it?' },
      ],
    },
    {
      key: 'plan',
      area: 'Product work',
      name: 'Plan',
      description: 'Plans the work toward goals: roadmaps, priorities and outcomes that the team and stakeholders understand.',
      descriptors: [
        'Follows plans others make.',
        'Plans their own work.',
        'Plans their area’s work toward measured outcomes.',
        'Plans across teams and handles dependencies between them.',
        'Sets the planning practice of the organization.',
      ],
      expected: { shared: [1, 2, 3, 3], ic: [4, 5, 5], management: [4, 5, 5] },
      questions: [
        { text: 'What would you cut if you had half the time?', signals: ['decisions'] },
        { text: 'How does this plan connect to the goals we measure?', signals: ['okr-check-ins'] },
        { text: 'Which part of the plan are you least confident about, and who knows that?', signals: ['status-updates'] },
      ],
    },
    {
      key: 'get-it-done',
      area: 'Product work',
      name: 'Get it done',
      description: 'Turns plans into shipped results, keeps momentum and clears obstacles out of the team’s way.',
      descriptors: [
        'Needs help to finish.',
        'Finishes their own tasks reliably.',
        'Gets the team’s work shipped and keeps momentum.',
        'Gets complex work across teams done.',
        'Known for getting hard things done across the organization.',
      ],
      expected: { shared: [2, 3, 3, 4], ic: [4, 4, 4], management: [4, 4, 4] },
      questions: [
        { text: 'What is slowing the team down this week?', signals: ['status-updates'] },
        { text: 'What did you finish recently that you are proud of, and what made it possible?' },
        { text: 'When did you last decide to stop something that was not working?', signals: ['decisions'] },
      ],
    },
    {
      key: 'listen-learn',
      area: 'Ways of working',
      name: 'Listen and learn',
      description: 'Listens closely to customers, colleagues and data, and keeps learning the craft.',
      descriptors: [
        'Listens to confirm what they already think.',
        'Listens and asks clarifying questions.',
        'Seeks out other views and learns continuously.',
        'Learns fast in new domains and shares what they learn.',
        'Models curiosity and learning for the organization.',
      ],
      expected: { shared: [2, 2, 3, 3], ic: [4, 4, 5], management: [4, 4, 5] },
      questions: [
        { text: 'What did you learn this month that changed how you work?' },
        { text: 'Whose opinion do you tend to discount, and what might you be missing?' },
        { text: 'How do you learn from customers when there is no time for research?', signals: ['interviews', 'feedback-triage'] },
      ],
    },
    {
      key: 'iterate',
      area: 'Ways of working',
      name: 'Iterate',
      description: 'Ships small, measures and improves, treating every release as a chance to learn.',
      descriptors: [
        'Ships once and moves on.',
        'Iterates when problems are pointed out.',
        'Plans iterations around measured learning.',
        'Builds iteration into several teams’ way of working.',
        'Shapes an organization that learns by iterating.',
      ],
      expected: { shared: [1, 2, 3, 4], ic: [4, 4, 5], management: [4, 4, 4] },
      questions: [
        { text: 'What did you learn from the last release, and what did you change because of it?', signals: ['experiments'] },
        { text: 'What is the smallest next step that would teach you something?', signals: ['experiments'] },
        { text: 'Which feature have you not looked at again since it shipped, and why?', signals: ['okr-check-ins'] },
      ],
    },
    {
      key: 'team',
      area: 'Ways of working',
      name: 'Team',
      description: 'Builds a team that trusts each other, shares ownership of the product and grows together.',
      descriptors: [
        'Focuses on their own role.',
        'Contributes to a good atmosphere in the team.',
        'Builds trust and shared ownership in the team.',
        'Strengthens several teams and develops people.',
        'Builds great teams across the organization.',
      ],
      expected: { shared: [1, 2, 3, 3], ic: [4, 5, 5], management: [5, 5, 5] },
      questions: [
        { text: 'What does the team own, as opposed to what you own?' },
        { text: 'How does the team make decisions together?', signals: ['decisions'] },
        { text: 'Who on the team is not being heard, and how do you know?' },
      ],
    },
    {
      key: 'agile',
      area: 'Ways of working',
      name: 'Agile',
      description: 'Works in short cycles with frequent feedback and adapts the process to the team rather than following it by rote.',
      descriptors: [
        'Follows the team’s rituals.',
        'Understands why the rituals exist.',
        'Adapts agile practices to what the team needs.',
        'Helps several teams work in an agile way without heavy process.',
        'Shapes agile practice across the organization.',
      ],
      expected: { shared: [2, 3, 3, 4], ic: [4, 4, 4], management: [4, 4, 4] },
      questions: [
        { text: 'Which ritual would the team drop if it could, and why?' },
        { text: 'How quickly does feedback reach the team after a release?', signals: ['feedback-triage'] },
        { text: 'What would make the team’s cycle shorter, and what would that cost?' },
      ],
    },
  ],
};
