import type { CatalogFramework } from '../frameworks.catalog.js';

/**
 * "Product manager assessment", after the coaching assessment in Marty Cagan's SVPG material: 13 criteria
 * in 3 areas, each rated for capability and for its importance in this PM's context on 1-10. The names
 * follow the original; descriptions, descriptors (five bands of two points) and questions are our own.
 */
export const PM_ASSESSMENT: CatalogFramework = {
  key: 'pm-assessment',
  name: 'Product manager assessment',
  description:
    'Thirteen criteria in three areas (product knowledge, process, people), each rated for capability and for how much it matters in this PM’s ' +
    'context, so the gaps that count come first.',
  source: 'After Marty Cagan’s product manager assessment (SVPG); descriptions are our own',
  scaleMin: 1,
  scaleMax: 10,
  scaleLabels: ['Unaware', 'Aware', 'Beginner', 'Learning', 'Capable', 'Solid', 'Strong', 'Very strong', 'Expert', 'Exemplary'],
  ratesImportance: true,
  competencies: [
    {
      key: 'users-customers',
      area: 'Product knowledge',
      name: 'Users and customers',
      description: 'First-hand knowledge of the product’s users and customers: who they are, how they work, what they struggle with and why they buy.',
      descriptors: [
        'Relies on other people’s descriptions of users.',
        'Has met some users and knows the main personas.',
        'Talks to users regularly and knows their workflows.',
        'Knows the users better than anyone on the team and predicts their reactions well.',
        'Recognized across the company as the voice of the customer.',
      ],
      expected: { shared: [3, 4, 6, 7], ic: [8, 8, 9], management: [8, 8, 9] },
      questions: [
        { text: 'Which customer did you speak with most recently, and what did you learn that data could not have told you?', signals: ['interviews'] },
        { text: 'How would your three most important customers describe their biggest problem this month?', signals: ['interviews', 'feedback-triage'] },
        { text: 'What do you believe about your users that you have never checked?', signals: ['interviews', 'experiments'] },
      ],
    },
    {
      key: 'data',
      area: 'Product knowledge',
      name: 'Data',
      description: 'Understands how the product is used from quantitative data: knows the key metrics, explores the data directly and uses it to form and test hypotheses.',
      descriptors: [
        'Reads dashboards other people build.',
        'Knows the key metrics and where to find them.',
        'Analyses usage data on their own to answer product questions.',
        'Designs instrumentation and analyses that change decisions.',
        'Shapes how the organization uses data and catches misleading analyses.',
      ],
      expected: { shared: [3, 4, 5, 7], ic: [7, 8, 8], management: [7, 8, 8] },
      questions: [
        { text: 'What did the data tell you last week that surprised you?', signals: ['okr-check-ins'] },
        { text: 'Which recent decision did you make without data, and what data would have helped?', signals: ['decisions'] },
        { text: 'How would you tell a real change in this metric from noise?', signals: ['okr-check-ins', 'experiments'] },
      ],
    },
    {
      key: 'industry-domain',
      area: 'Product knowledge',
      name: 'Industry and domain',
      description: 'Knows the industry and domain the product serves: the market, competitors, trends, regulation and the technology landscape.',
      descriptors: [
        'New to the domain.',
        'Knows the main competitors and the domain’s vocabulary.',
        'Understands the market forces and rules that affect their area.',
        'Anticipates shifts in the industry and what they mean for the product.',
        'A recognized domain expert inside and outside the company.',
      ],
      expected: { shared: [2, 3, 5, 6], ic: [7, 8, 9], management: [8, 9, 9] },
      questions: [
        { text: 'Which industry trend will matter most to our customers in two years, and what makes you think so?', signals: ['strategy-proposals'] },
        { text: 'What does our strongest competitor do better than we do, and why do customers still choose us?', signals: ['interviews'] },
        { text: 'Which rule or regulation could change what we are allowed to build, and how would we learn of it in time?' },
      ],
    },
    {
      key: 'business-company',
      area: 'Product knowledge',
      name: 'Business and company',
      description:
        'Understands how the company works as a business (go-to-market, finance, sales, marketing, support, legal) and how the product has to fit each of them.',
      descriptors: [
        'Knows the company’s mission and main products.',
        'Understands how their area earns or saves money.',
        'Weighs sales, marketing, support, finance and legal in their decisions.',
        'Makes product choices with a sound business case and partners well with each function.',
        'Trusted by executives on business trade-offs.',
      ],
      expected: { shared: [2, 3, 5, 6], ic: [7, 8, 8], management: [8, 9, 10] },
      questions: [
        { text: 'How does this feature help the company earn or keep customers, and how would finance check your answer?', signals: ['requirements'] },
        { text: 'Which function would this change affect most, and have you spoken with them?', signals: ['decisions', 'status-updates'] },
        { text: 'What would the sales team need in order to sell this well?' },
      ],
    },
    {
      key: 'product-operations',
      area: 'Product knowledge',
      name: 'Product operations',
      description: 'Knows the practical side of running a product: releases, support readiness, tooling, data privacy and what it costs to operate what ships.',
      descriptors: [
        'Unaware of the operational side of shipping.',
        'Follows the release and support processes.',
        'Plans launches, support readiness and running costs as part of the work.',
        'Improves product operations for several teams.',
        'Designs the product operations of the organization.',
      ],
      expected: { shared: [2, 3, 4, 5], ic: [6, 7, 7], management: [7, 8, 9] },
      questions: [
        { text: 'What will support need to know on the day this ships?', signals: ['status-updates'] },
        { text: 'What will this feature cost to run a year from now, and who pays for it?', signals: ['requirements'] },
        { text: 'Which part of our release process causes the most surprises, and why?' },
      ],
    },
    {
      key: 'discovery-techniques',
      area: 'Process',
      name: 'Discovery techniques',
      description: 'Uses a range of discovery techniques (interviews, prototypes, tests of value and usability) to learn what is worth building before building it.',
      descriptors: [
        'Not yet familiar with discovery techniques.',
        'Uses one or two techniques, usually interviews.',
        'Picks the technique to fit the risk and runs discovery continuously.',
        'Combines techniques quickly for new products and coaches the team in them.',
        'Advances the organization’s discovery practice.',
      ],
      expected: { shared: [3, 4, 6, 7], ic: [8, 8, 9], management: [8, 8, 8] },
      questions: [
        { text: 'Which discovery technique do you reach for first, and when might it mislead you?', signals: ['interviews', 'experiments'] },
        { text: 'What did you learn this month that changed what the team is building?', signals: ['experiments', 'interviews'] },
        { text: 'How quickly could you test this idea with a prototype, and what is stopping you?', signals: ['experiments'] },
      ],
    },
    {
      key: 'optimization-techniques',
      area: 'Process',
      name: 'Optimization techniques',
      description: 'Improves a product already in use through measured iteration: A/B tests, funnels, growth loops and conversion work.',
      descriptors: [
        'Unfamiliar with optimization methods.',
        'Understands A/B tests and funnels in principle.',
        'Runs well-designed optimization experiments and reads their results soundly.',
        'Runs an optimization program whose gains compound.',
        'Sets the organization’s standards for experimentation.',
      ],
      expected: { shared: [2, 3, 5, 6], ic: [7, 7, 8], management: [7, 7, 7] },
      questions: [
        { text: 'Where is the biggest drop-off in your funnel, and what do you think causes it?', signals: ['experiments', 'okr-check-ins'] },
        { text: 'How would you know whether this A/B test result will still hold next month?', signals: ['experiments'] },
        { text: 'When is optimizing the current product the wrong use of the team’s time?', signals: ['decisions'] },
      ],
    },
    {
      key: 'delivery-techniques',
      area: 'Process',
      name: 'Delivery techniques',
      description: 'Helps the team ship reliably: slicing work, managing scope, risks and dependencies, and releasing in small increments.',
      descriptors: [
        'Relies on others to plan delivery.',
        'Tracks the team’s work and flags delays.',
        'Slices work into small releases and manages scope and risk with the team.',
        'Delivers complex work across several teams predictably.',
        'Shapes delivery practice across the organization.',
      ],
      expected: { shared: [3, 4, 6, 7], ic: [7, 7, 8], management: [7, 7, 7] },
      questions: [
        { text: 'What is the smallest slice of this that would be worth releasing on its own?', signals: ['requirements'] },
        { text: 'Which risk to this release have you not told anyone about yet?', signals: ['status-updates'] },
        { text: 'What did the last delay teach you about how the team plans?', signals: ['status-updates'] },
      ],
    },
    {
      key: 'product-development-process',
      area: 'Process',
      name: 'Product development process',
      description:
        'Understands the product development process from end to end, how discovery and delivery feed each other, and adapts the process to the team ' +
        'instead of following it by rote.',
      descriptors: [
        'Knows the steps of the team’s process.',
        'Follows the process and understands why each step exists.',
        'Adapts the process to the team and the problem.',
        'Reshapes the process across several teams when it gets in the way.',
        'Defines how the organization builds products.',
      ],
      expected: { shared: [3, 4, 5, 7], ic: [8, 8, 9], management: [8, 8, 8] },
      questions: [
        { text: 'Which step of our process would you remove, and what would we lose?' },
        { text: 'How do discovery and delivery hand work to each other on your team?', signals: ['requirements', 'experiments'] },
        { text: 'What does the team do because the process says so rather than because it helps?' },
      ],
    },
    {
      key: 'team-collaboration',
      area: 'People',
      name: 'Team collaboration',
      description: 'Works as a true partner to design and engineering: brings problems rather than solutions, builds trust and decides together.',
      descriptors: [
        'Works mostly alone and hands over specifications.',
        'Collaborates well while things go smoothly.',
        'Involves design and engineering early, in problems as well as decisions.',
        'Builds a high-trust team that solves problems together.',
        'Creates strong collaboration across many teams.',
      ],
      expected: { shared: [4, 5, 6, 7], ic: [8, 8, 9], management: [8, 9, 9] },
      questions: [
        { text: 'When did an engineer or a designer last change your mind, and how did it happen?' },
        { text: 'Which decision did you make alone that the team should have made with you?', signals: ['decisions'] },
        { text: 'How would the team describe working with you, and how do you know?' },
      ],
    },
    {
      key: 'stakeholder-management',
      area: 'People',
      name: 'Stakeholder management',
      description:
        'Understands the constraints of executives and business partners, keeps them informed and earns their trust without giving up the team’s focus.',
      descriptors: [
        'Avoids stakeholders or reacts to them.',
        'Keeps the key stakeholders informed.',
        'Anticipates stakeholders’ concerns and works through them early.',
        'Earns the trust of senior executives and handles conflicting demands.',
        'A trusted partner to the executive team.',
      ],
      expected: { shared: [2, 3, 5, 6], ic: [7, 8, 9], management: [8, 9, 10] },
      questions: [
        { text: 'What does your most difficult stakeholder care about most, and how does your plan address it?', signals: ['status-updates'] },
        { text: 'Who would be surprised by your next release, and how will you prevent that?', signals: ['status-updates'] },
        { text: 'How did you handle the last request you had to decline from a senior stakeholder?', signals: ['decisions'] },
      ],
    },
    {
      key: 'evangelism',
      area: 'People',
      name: 'Evangelism',
      description: 'Tells the product’s story so that the team, the company and customers understand where it is going and want to help it get there.',
      descriptors: [
        'Rarely explains the product beyond the team.',
        'Presents their work clearly when asked.',
        'Explains the vision and the why behind the work in a way that convinces.',
        'Rallies the company and customers around the product’s direction.',
        'Inspires people across and beyond the company.',
      ],
      expected: { shared: [2, 3, 4, 6], ic: [7, 8, 9], management: [8, 9, 10] },
      questions: [
        { text: 'Why should an engineer want to work on this product, in your own words?', signals: ['strategy-proposals'] },
        { text: 'How would you explain where the product is going to a customer in one minute?' },
        { text: 'When did you last present the product’s direction outside the team, and what questions came back?', signals: ['status-updates'] },
      ],
    },
    {
      key: 'leadership',
      area: 'People',
      name: 'Leadership',
      description: 'Leads through influence: takes responsibility for outcomes, sets direction, stays calm under pressure and helps others do their best work.',
      descriptors: [
        'Focuses on their own tasks.',
        'Takes responsibility for the team’s work.',
        'Leads the team through ambiguity and pressure by influence.',
        'Leads several teams and develops other leaders.',
        'Shapes the leadership culture of the organization.',
      ],
      expected: { shared: [1, 2, 4, 5], ic: [7, 8, 9], management: [8, 9, 10] },
      questions: [
        { text: 'When something went wrong recently, what did you own and what did you pass on?', signals: ['decisions'] },
        { text: 'What does the team need from you that you are not giving yet?' },
        { text: 'How do you react when you lose a decision, and what does the team see?', signals: ['decisions'] },
      ],
    },
  ],
};
