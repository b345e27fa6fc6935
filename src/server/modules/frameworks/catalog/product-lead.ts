import type { CatalogFramework } from '../frameworks.catalog.js';

/**
 * "Product lead role", the default framework: the skills the reference text names for a product lead
 * (the core practices, a deep understanding of customers, communication, product development and
 * coaching). Descriptions, descriptors and questions are our own. Every question makes the PM reason;
 * none carries an answer.
 */
export const PRODUCT_LEAD: CatalogFramework = {
  key: 'product-lead',
  name: 'Product lead role',
  description:
    'The skills a product lead practises and coaches in others: the core product practices, a deep understanding of customers, communication, ' +
    'product development and coaching through questions. The default framework.',
  source: 'From the product lead role as described by Kent J McDonald, “Product Lead Career Path and How To Become One”',
  scaleMin: 1,
  scaleMax: 5,
  scaleLabels: ['Learning', 'Developing', 'Proficient', 'Strong', 'Expert'],
  ratesImportance: false,
  competencies: [
    {
      key: 'vision-strategy',
      area: 'Strategy',
      name: 'Vision and strategy',
      description:
        'Sets where the product is going and why: a vision people can repeat, and a strategy that names the problems we will solve, the ones we will not, ' +
        'and the bets that get us there.',
      descriptors: [
        'Explains the product’s vision and strategy in their own words and relates their work to it.',
        'Connects their area’s choices to the strategy and notices when a request does not serve it.',
        'Gives well-argued input to the strategy from evidence in their area and turns it into clear bets and non-goals for their team.',
        'Crafts the strategy of a whole product with several PMs’ input, makes the trade-offs explicit and keeps it current as evidence changes.',
        'Shapes strategy across products or the company; others adopt the way they frame bets and choices.',
      ],
      expected: { shared: [1, 1, 2, 3], ic: [4, 4, 5], management: [4, 5, 5] },
      questions: [
        { text: 'If you had two sentences to say where the product will be in two years, what would you say, and what would you leave out?', signals: ['strategy-proposals'] },
        { text: 'What would have to be true for this bet to be the right one?', signals: ['strategy-proposals'] },
        { text: 'Which problem have we decided not to solve, and how did we reach that choice?', signals: ['decisions'] },
        { text: 'How would a PM on another team describe our strategy, and where would their version differ from yours?', signals: ['strategy-proposals'] },
        { text: 'What evidence would make you change the strategy, and how would you notice it arriving?', signals: ['strategy-proposals'] },
        { text: 'Which of this quarter’s work would you stop if the strategy were your only guide, and why?', signals: ['decisions'] },
        { text: 'How does this feature move us toward the vision, rather than only keeping one customer happy?', signals: ['decisions'] },
        { text: 'What did you learn from the last strategy change you proposed, and from how it was received?', signals: ['strategy-proposals'] },
        { text: 'Where do our strategy and our roadmap disagree today, and which of the two is telling the truth?', signals: ['strategy-proposals', 'status-updates'] },
        { text: 'What are our competitors betting on, and how should that change what we bet on?', signals: ['strategy-proposals'] },
        { text: 'Which assumption behind the strategy have you tested least, and what would a cheap test of it look like?', signals: ['experiments'] },
      ],
    },
    {
      key: 'interviewing-users',
      area: 'Discovery',
      name: 'Interviewing users',
      description:
        'Talks with users and customers so as to learn what they actually do and need: plans the conversation, asks about real past behaviour rather ' +
        'than opinions about the future, and turns what was heard into evidence the team shares.',
      descriptors: [
        'Joins interviews others run and takes notes the team can use.',
        'Runs interviews from a prepared script; sometimes leads the participant or asks for opinions about the future.',
        'Plans and runs interviews regularly, asks open questions about past behaviour and captures highlights as evidence.',
        'Makes interviewing a habit of the team, recruits the right participants and finds patterns across many conversations.',
        'Teaches interviewing, adapts the method to hard settings (executives, sensitive topics) and raises the organization’s practice.',
      ],
      expected: { shared: [1, 2, 3, 4], ic: [4, 4, 5], management: [4, 4, 4] },
      questions: [
        { text: 'What do you know about why these customers asked for this, and how did you learn it?', signals: ['interviews'] },
        { text: 'When did you last talk to a user, and what surprised you in that conversation?', signals: ['interviews'] },
        { text: 'Which question in your last interview invited the answer you hoped for, and how could you ask it more openly?', signals: ['interviews'] },
        { text: 'What did the user actually do the last time they met this problem, as opposed to what they said they would do?', signals: ['interviews'] },
        { text: 'Who have you not spoken to yet whose view could change your mind?', signals: ['interviews'] },
        { text: 'How did you choose the people you interviewed, and whom does that choice leave out?', signals: ['interviews'] },
        { text: 'What would you need to hear in the next three interviews to drop this idea?', signals: ['interviews', 'experiments'] },
        { text: 'How does the team hear what users said, other than through your summary?', signals: ['interviews'] },
        { text: 'Which pattern have you heard from several users, and how sure are you that it is the same problem each time?', signals: ['interviews', 'feedback-triage'] },
        { text: 'What did you stop asking about after the first few interviews, and why?', signals: ['interviews'] },
        { text: 'How would you run the conversation differently if the person were the buyer rather than a daily user?', signals: ['interviews'] },
      ],
    },
    {
      key: 'customer-validation',
      area: 'Discovery',
      name: 'Customer validation',
      description:
        'Tests whether an idea is valuable, usable, feasible and viable before the team invests in building it, with experiments sized to the risk ' +
        'and a success criterion set in advance.',
      descriptors: [
        'Understands why ideas are tested before they are built and helps run a test someone else designed.',
        'Runs simple tests (a prototype session, a survey) and reports what happened.',
        'Designs experiments for the riskiest assumption, with a hypothesis and a success criterion set up front, and acts on the result.',
        'Leads validation for a new product across teams, choosing the method for each risk, demand and pricing tests included.',
        'Builds a culture where no significant bet ships untested and coaches others to design sharp, cheap experiments.',
      ],
      expected: { shared: [1, 2, 3, 3], ic: [4, 4, 5], management: [4, 4, 4] },
      questions: [
        { text: 'What is the riskiest assumption behind this idea, and what is the cheapest way to find out whether it is wrong?', signals: ['experiments'] },
        { text: 'What result would convince you to stop, and did you write it down before the test started?', signals: ['experiments'] },
        { text: 'How would you know whether customers value this, as opposed to merely liking it?', signals: ['experiments', 'interviews'] },
        { text: 'Which of value, usability, feasibility and viability have you tested least for this feature, and why?', signals: ['experiments'] },
        { text: 'What did your last experiment teach you that you did not expect?', signals: ['experiments'] },
        { text: 'If the experiment comes back inconclusive, what will you do next, and how could you design it so that is less likely?', signals: ['experiments'] },
        { text: 'How large does the effect need to be before it matters to the business?', signals: ['experiments', 'okr-check-ins'] },
        { text: 'Who besides you looked at the result, and would they read it the same way?', signals: ['experiments'] },
        { text: 'What would it cost to be wrong here, and how does that change how much validation is enough?', signals: ['experiments', 'decisions'] },
        { text: 'Which piece of evidence are you leaning on most, and how was it gathered?', signals: ['feedback-triage', 'experiments'] },
        { text: 'How did the result of your last test change the requirements, if at all?', signals: ['experiments', 'requirements'] },
      ],
    },
    {
      key: 'roadmapping',
      area: 'Strategy',
      name: 'Roadmapping',
      description:
        'Turns the strategy into a sequence of problems and outcomes the teams will take on, shows it with honest uncertainty, and keeps it true as ' +
        'plans change, dependencies between teams included.',
      descriptors: [
        'Knows what is on their team’s roadmap and why it is in that order.',
        'Keeps their team’s part of the roadmap current and explains changes when asked.',
        'Builds their component’s roadmap from the strategy and evidence, framed as problems and outcomes, with honest horizons (now, next, later).',
        'Aligns the roadmaps of several teams, catches cross-team dependencies and conflicts early, and presents one coherent roadmap for the product.',
        'Sets how the organization roadmaps; their roadmaps are trusted because they change openly and for stated reasons.',
      ],
      expected: { shared: [1, 2, 3, 4], ic: [4, 5, 5], management: [4, 5, 5] },
      questions: [
        { text: 'If you could keep only three items on the roadmap, which would they be, and what does that tell you about the rest?', signals: ['decisions'] },
        { text: 'Which item on the roadmap is there because someone asked loudly rather than because of evidence?', signals: ['decisions', 'feedback-triage'] },
        { text: 'How would the roadmap change if the outcome behind your top item turned out not to matter?', signals: ['strategy-proposals'] },
        { text: 'Which dependency on another team could derail your plan, and when would you find out?', signals: ['status-updates'] },
        { text: 'How do stakeholders tell what you have committed to from what you are still exploring?', signals: ['status-updates'] },
        { text: 'What did you move on the roadmap last month, and how did the people counting on it hear about it?', signals: ['status-updates'] },
        { text: 'How does each item in your “now” column connect to a goal we measure?', signals: ['okr-check-ins'] },
        { text: 'What would the roadmap look like if it were organized by problems rather than by features?' },
        { text: 'Where is your confidence lowest on the roadmap, and how does the roadmap show that?', signals: ['status-updates'] },
        { text: 'What would you need to learn before you could commit to a date for this?', signals: ['experiments'] },
        { text: 'Which later item keeps slipping, and what is that telling you?', signals: ['decisions'] },
      ],
    },
    {
      key: 'pricing',
      area: 'Strategy',
      name: 'Pricing',
      description:
        'Understands how the product creates and captures value: who pays, for what and how much. Designs packaging and price changes from evidence ' +
        'and tests them before rolling them out.',
      descriptors: [
        'Knows the current plans and prices and which customers are on them.',
        'Understands how pricing touches their area (limits, plans, upgrade paths) and brings pricing questions to the right people.',
        'Builds pricing and packaging proposals from customer value and willingness to pay, and tests them before launch.',
        'Owns pricing for a whole product: the value metric, the tiers and moving existing customers, with the revenue effect modelled.',
        'Shapes how the company makes money across products; others come to them to price something new.',
      ],
      expected: { shared: [1, 1, 2, 3], ic: [3, 4, 4], management: [4, 4, 5] },
      questions: [
        { text: 'What value does a customer get from this, and how would they put it in their own words?', signals: ['interviews'] },
        { text: 'Which customers would leave if the price doubled, which would not notice, and what does that tell you?', signals: ['interviews'] },
        { text: 'What are customers comparing our price with when they decide?', signals: ['interviews'] },
        { text: 'How did you learn what customers are willing to pay, and how far do you trust that source?', signals: ['interviews', 'experiments'] },
        { text: 'What would have to be true for a cheaper plan to earn us more?', signals: ['experiments'] },
        { text: 'Which part of the product do customers pay for, and which part do they expect for free?', signals: ['feedback-triage'] },
        { text: 'How could you test this price change with a small group before everyone sees it?', signals: ['experiments'] },
        { text: 'What happens to existing customers when the packaging changes, and how will they hear about it?', signals: ['status-updates'] },
        { text: 'Which number would tell you that pricing, rather than the product, is the problem?', signals: ['okr-check-ins'] },
        { text: 'Who in sales or customer success hears pricing objections most often, and what are they hearing?', signals: ['feedback-triage'] },
      ],
    },
    {
      key: 'okrs-metrics',
      area: 'Strategy',
      name: 'OKRs and metrics',
      description:
        'Defines success as measurable outcomes, picks metrics that reflect customer and business value rather than activity, and keeps goals alive ' +
        'with regular, honest check-ins.',
      descriptors: [
        'Knows the team’s objectives and the metrics that track them.',
        'Reports on metrics regularly and can say whether the team is on track.',
        'Writes outcome-based key results for their area with a baseline and a target, checks in on them and changes the plan when they stall.',
        'Aligns OKRs across several teams into one tree for the product, with metrics that are hard to game.',
        'Shapes how the organization sets goals and reads metrics; spots vanity metrics and misleading trends quickly.',
      ],
      expected: { shared: [1, 2, 3, 3], ic: [4, 4, 5], management: [4, 5, 5] },
      questions: [
        { text: 'If this key result reaches its target, what will have changed for customers?', signals: ['okr-check-ins'] },
        { text: 'Which metric could go up while the product gets worse, and how would you catch it?', signals: ['okr-check-ins'] },
        { text: 'What was your confidence in this key result at the last check-in, and what moved it?', signals: ['okr-check-ins'] },
        { text: 'How did you choose this target, and what would make it too easy or impossible?', signals: ['okr-check-ins'] },
        { text: 'What will you do differently if this key result is still flat in four weeks?', signals: ['okr-check-ins'] },
        { text: 'How does the success metric in this requirements document connect to the team’s objectives?', signals: ['requirements', 'okr-check-ins'] },
        { text: 'Which of your metrics do you look at but never act on, and why keep it?', signals: ['okr-check-ins'] },
        { text: 'What would a PM on another team learn from your check-ins, and what would they miss?', signals: ['okr-check-ins', 'status-updates'] },
        { text: 'Where does this number come from, and what could make it wrong?' },
        { text: 'Which leading indicator would tell you early that the outcome is coming?', signals: ['okr-check-ins'] },
      ],
    },
    {
      key: 'saying-no',
      area: 'Influence',
      name: 'Saying no',
      description:
        'Protects the teams’ focus by declining or deferring what does not serve the strategy, whether the ask comes from executives, internal teams ' +
        'or customers, with a clear rationale that keeps the relationship intact.',
      descriptors: [
        'Passes requests to the right person and avoids promising what the team has not agreed to.',
        'Says no to small requests with a reason and asks for help with the harder ones.',
        'Triages requests against the strategy and evidence, explains each decision with a rationale and tells the requester the outcome.',
        'Declines senior executives and large customers when the strategy calls for it, offers alternatives and shields several teams from outside politics.',
        'Sets how the organization handles requests; their declines are respected because the reasoning is visible and consistent.',
      ],
      expected: { shared: [1, 2, 2, 3], ic: [4, 4, 5], management: [4, 5, 5] },
      questions: [
        { text: 'What would we stop doing if we said yes to this request?', signals: ['decisions'] },
        { text: 'How would you explain this decision so that the requester could explain it to their own manager?', signals: ['decisions'] },
        { text: 'Which request did you accept recently that you now wish you had declined, and what made saying no hard?', signals: ['decisions'] },
        { text: 'What part of this request could serve the strategy, even if the request as asked does not?', signals: ['decisions'] },
        { text: 'Who else is affected by this decision, and have they heard the rationale?', signals: ['decisions', 'status-updates'] },
        { text: 'When would it be right to revisit this request, and what would need to change by then?', signals: ['decisions'] },
        { text: 'What are you afraid will happen if you say no to this executive, and how likely is it really?', signals: ['decisions'] },
        { text: 'How consistent is this decision with the last three similar ones you made?', signals: ['decisions'] },
        { text: 'What evidence would turn this no into a yes?', signals: ['decisions', 'feedback-triage'] },
        { text: 'How did the requester take your last decline, and what would you do the same way next time?', signals: ['decisions'] },
      ],
    },
    {
      key: 'understanding-customers',
      area: 'Discovery',
      name: 'Understanding customers',
      description:
        'Knows the product’s customers and market deeply: segments, jobs and pains, how the product fits their world, and what every source of ' +
        'feedback (customer success, sales, product marketing, support) is saying.',
      descriptors: [
        'Knows the main customer segments and can describe a typical user’s day.',
        'Reads incoming feedback regularly and can name the top recurring problems in their area.',
        'Triages feedback and links it to opportunities, weighs it by segment and revenue, and keeps good relationships with customer success, sales and marketing.',
        'Understands the customers and market of a whole product, including why they buy, churn or choose a competitor; anticipates needs before they are voiced.',
        'Is the organization’s reference on its customers and shapes how everyone gathers and uses customer insight.',
      ],
      expected: { shared: [2, 2, 3, 4], ic: [4, 5, 5], management: [4, 5, 5] },
      questions: [
        { text: 'Which customers would be most disappointed if the product disappeared tomorrow, and why those?', signals: ['interviews'] },
        { text: 'What recurring problem keeps showing up in feedback that nobody has taken on yet?', signals: ['feedback-triage'] },
        { text: 'How much of what you know about customers comes through sales, and how does that colour it?', signals: ['feedback-triage'] },
        { text: 'Which segment do you understand least, and what would it take to change that?', signals: ['interviews'] },
        { text: 'When a customer leaves, what do you believe the real reason is, and how do you know?', signals: ['interviews', 'feedback-triage'] },
        { text: 'What does a customer do just before and just after using this feature?', signals: ['interviews'] },
        { text: 'Which piece of feedback changed your mind recently, and what did you believe before it?', signals: ['feedback-triage'] },
        { text: 'How do customer success, sales and marketing each describe our customers’ biggest problem, and where do they disagree?', signals: ['feedback-triage'] },
        { text: 'How would you check whether this request speaks for many customers or for one loud one?', signals: ['feedback-triage'] },
        { text: 'What does a competitor understand about our customers that we have missed?', signals: ['interviews'] },
        { text: 'What is sitting untriaged in the inbox, and what might it be telling you?', signals: ['feedback-triage'] },
      ],
    },
    {
      key: 'communication',
      area: 'Influence',
      name: 'Communication',
      description:
        'Builds a clear shared understanding: the right message, as unambiguous as it can be, delivered in the way that suits the audience, from an ' +
        'entry-level team member to a senior executive or a customer.',
      descriptors: [
        'Shares information with the team clearly and asks when unsure.',
        'Writes clear updates and requirements for their team and adapts the tone with some help.',
        'Delivers honest status updates and evidence-backed requirements on time, and adjusts the message for engineers, stakeholders and customers.',
        'Represents a whole product to the organization with one clear, consistent story and keeps difficult conversations calm and productive.',
        'Communicates with equal ease from a new hire to the board and sets the tone of product communication in the organization.',
      ],
      expected: { shared: [2, 2, 3, 4], ic: [4, 5, 5], management: [4, 5, 5] },
      questions: [
        { text: 'What is the one thing you want your audience to remember, and does your first paragraph say it?', signals: ['status-updates'] },
        { text: 'How would this update read to an executive with two minutes, and to an engineer on the team?', signals: ['status-updates'] },
        { text: 'What bad news in this update are you tempted to soften, and what would happen if you said it plainly?', signals: ['status-updates'] },
        { text: 'Where could someone read this requirements document and build the wrong thing?', signals: ['requirements'] },
        { text: 'How did you find out whether your last message landed the way you meant it?', signals: ['status-updates'] },
        { text: 'Which stakeholder hears from you least, and what might they be assuming as a result?', signals: ['status-updates'] },
        { text: 'When a conversation went badly recently, what was in your control and what was not?' },
        { text: 'What would a sceptical reader ask after reading this, and have you answered it?', signals: ['requirements', 'decisions'] },
        { text: 'How would you explain this decision to a customer who is disappointed by it?', signals: ['decisions'] },
        { text: 'Which of your updates went out late, and what got in the way?', signals: ['status-updates'] },
      ],
    },
    {
      key: 'product-development',
      area: 'Delivery',
      name: 'Product development',
      description:
        'Works inside a cross-functional team to discover and deliver: balances continuous discovery with delivery, works with design on the experience ' +
        'and with engineering in an agile way, and uses backlogs, prioritization and requirements without letting process take over.',
      descriptors: [
        'Understands how the team builds and ships, and keeps the backlog tidy.',
        'Writes requirements and acceptance criteria the team can build from and prioritizes a backlog with guidance.',
        'Runs discovery and delivery side by side with design and engineering; requirements carry evidence and a success metric; trade-offs are made with the team.',
        'Coordinates delivery across several teams, keeps process light and helps teams balance discovery with delivery.',
        'Improves how the whole organization discovers and delivers; other teams copy their practices.',
      ],
      expected: { shared: [2, 3, 3, 4], ic: [4, 4, 5], management: [4, 4, 4] },
      questions: [
        { text: 'What does the team understand about the customer problem beyond what is written in the ticket?', signals: ['requirements'] },
        { text: 'How much of the team’s time went to discovery this month, and was that the right amount?', signals: ['experiments'] },
        { text: 'Which part of this requirements document would you delete if you trusted the team more?', signals: ['requirements'] },
        { text: 'What evidence is linked to this requirements document, and would it persuade a sceptical engineer?', signals: ['requirements', 'feedback-triage'] },
        { text: 'How will we know after launch whether this worked?', signals: ['requirements', 'okr-check-ins'] },
        { text: 'Where is process slowing the team down without protecting anything?' },
        { text: 'What did the designer or an engineer see in this problem that you had missed?' },
        { text: 'What is the smallest version of this we could ship and learn from?', signals: ['experiments', 'requirements'] },
        { text: 'How did you decide the order of the top five backlog items, and who would disagree with it?', signals: ['decisions'] },
        { text: 'What went differently from the plan in the last release, and what did the team learn from it?', signals: ['status-updates'] },
        { text: 'Which technical constraint are you treating as fixed, and have you asked whether it is?' },
      ],
    },
    {
      key: 'coaching-mentoring',
      area: 'Growing others',
      name: 'Coaching and mentoring',
      description:
        'Raises the skills of other product people by guiding with questions and examples instead of handing out answers (the Socratic method), ' +
        'by demonstrating the practices they teach, and by judging their own success by how much the PMs grow.',
      descriptors: [
        'Shares what they learn with peers and asks for feedback on their own work.',
        'Helps newer colleagues informally, for example by pairing on an interview or a document.',
        'Mentors peers in the areas where they are strong and asks questions before offering answers.',
        'Coaches several PMs formally and regularly through questions, examples and demonstration, and follows each PM’s growth.',
        'Builds the coaching culture of the product organization and develops other coaches.',
      ],
      expected: { shared: [1, 1, 2, 3], ic: [4, 4, 5], management: [4, 5, 5] },
      questions: [
        { text: 'When a PM brought you a problem recently, how much of the answer did you give, and what might they have found on their own?' },
        { text: 'What question could you ask next time instead of giving your advice?' },
        { text: 'Which PM has grown most since you started coaching them, and what made the difference?' },
        { text: 'How do you know whether your coaching is working, beyond the PM saying it helps?' },
        { text: 'Which practice do you ask others to follow that you have not demonstrated yourself lately?', signals: ['interviews', 'experiments'] },
        { text: 'What does this PM need most right now, a challenge, support or a skill, and how did you decide?' },
        { text: 'When did you last let someone make a mistake they could learn from, and how did you help them learn from it?' },
        { text: 'How does your coaching change for a new PM compared with an experienced one?' },
        { text: 'What feedback have you had on your coaching, and what did you do with it?' },
        { text: 'Which of your own habits would you not want a PM to copy?' },
        { text: 'What is the next bigger challenge for each PM you coach, and how will you both know they are ready for it?' },
      ],
    },
  ],
};
