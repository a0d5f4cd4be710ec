import type { EngagementLevel, Sentiment, Tone } from '../analysis-schema.ts';
import type { Post } from '../post-schema.ts';

export interface ExpectedLabels {
  sentiment: Sentiment;
  tone: Tone;
  topics: string[];
  /** The level `scoreEngagement` gives the post's metrics (or audience, without metrics). */
  engagementLevel: EngagementLevel;
}

export interface DatasetPost {
  /** Stable: evaluations and rollouts refer to posts by it. */
  id: string;
  post: Post;
  expected: ExpectedLabels;
}

/** Realistic posts with hand-written labels, for evaluating the Post Analyzer. */
export const datasetPosts: readonly DatasetPost[] = [
  {
    id: 'post-001',
    post: {
      platform: 'x',
      author: { handle: 'lumen_hq', followers: 48_200 },
      metrics: { likes: 1840, shares: 412, replies: 96, impressions: 52_000 },
      text: 'We just shipped Lumen 3.0 🚀 Faster builds, a new plugin API and dark mode everywhere. Release notes: https://example.com/lumen/3-0 #release #devtools',
    },
    expected: {
      sentiment: 'positive',
      tone: 'announcement',
      topics: ['software release', 'developer tools'],
      engagementLevel: 'high',
    },
  },
  {
    id: 'post-002',
    post: {
      platform: 'x',
      author: { handle: 'dana_travels', followers: 820 },
      metrics: { likes: 230, shares: 61, replies: 40, impressions: 9800 },
      text: '@SkyJetAir 3 hours on the tarmac, no water, no updates, and now my connection is gone. Absolutely unacceptable. #SkyJetFail',
    },
    expected: {
      sentiment: 'negative',
      tone: 'angry',
      topics: ['flight delay', 'customer service'],
      engagementLevel: 'medium',
    },
  },
  {
    id: 'post-003',
    post: {
      platform: 'mastodon',
      author: { handle: 'kai@fosstodon.org', followers: 1300 },
      metrics: { likes: 12, shares: 4, replies: 6, impressions: 2100 },
      text: 'Does anyone know whether Postgres 17 logical replication handles sequences now, or do I still need to sync them by hand? #postgresql',
    },
    expected: {
      sentiment: 'neutral',
      tone: 'question',
      topics: ['postgresql', 'database replication'],
      engagementLevel: 'low',
    },
  },
  {
    id: 'post-004',
    post: {
      platform: 'threads',
      author: { handle: 'byte_sized_bea', followers: 15_400 },
      metrics: { likes: 3200, shares: 780, replies: 140, impressions: 61_000 },
      text: "My code works and I have no idea why. My code doesn't work and I have no idea why. Welcome to Friday 🙃 #programming #devhumor",
    },
    expected: {
      sentiment: 'neutral',
      tone: 'humorous',
      topics: ['programming', 'developer life'],
      engagementLevel: 'high',
    },
  },
  {
    id: 'post-005',
    post: {
      platform: 'instagram',
      author: { handle: 'northside_roasters', followers: 6200 },
      metrics: { likes: 410, shares: 22, replies: 31, impressions: 7400 },
      text: '☕ Autumn menu is here! Maple oat latte, pumpkin cold brew and our new cardamom bun. 20% off all week with code FALL20 🍂 #coffee #autumn',
    },
    expected: {
      sentiment: 'positive',
      tone: 'promotional',
      topics: ['coffee', 'seasonal menu', 'discount'],
      engagementLevel: 'high',
    },
  },
  {
    id: 'post-006',
    post: {
      platform: 'linkedin',
      author: { handle: 'marcus_lee_eng', followers: 3400 },
      metrics: { likes: 220, shares: 8, replies: 25, impressions: 11_000 },
      text: 'Huge congratulations to @priya_raman on leading her first open-source release! Proud to see how much the team grew this year. 👏',
    },
    expected: {
      sentiment: 'positive',
      tone: 'supportive',
      topics: ['open source', 'team achievement'],
      engagementLevel: 'medium',
    },
  },
  {
    id: 'post-007',
    post: {
      platform: 'x',
      author: { handle: 'webdev_weekly', followers: 92_000 },
      metrics: { likes: 640, shares: 390, replies: 35, impressions: 140_000 },
      text: 'Reminder: Node.js 18 reached end-of-life. No more security patches, so plan your upgrade to Node 22 or 24. Schedule: https://example.org/node-release-schedule #nodejs',
    },
    expected: {
      sentiment: 'neutral',
      tone: 'informative',
      topics: ['node.js', 'end of life', 'security updates'],
      engagementLevel: 'low',
    },
  },
  {
    id: 'post-008',
    post: {
      platform: 'x',
      author: { handle: 'raj_builds', followers: 310 },
      metrics: { likes: 45, shares: 12, replies: 18, impressions: 2600 },
      text: "Third time this month the @QuickCart app charged me twice. Support keeps closing my ticket. I'm DONE. Cancel my subscription.",
    },
    expected: {
      sentiment: 'negative',
      tone: 'angry',
      topics: ['billing error', 'customer support', 'subscription'],
      engagementLevel: 'medium',
    },
  },
  {
    id: 'post-009',
    post: {
      platform: 'bluesky',
      author: { handle: 'lena.bsky.social', followers: 2100 },
      metrics: { likes: 18, shares: 3, replies: 44, impressions: 3900 },
      text: "What's everyone using for feature flags in small teams these days? Self-hosted preferred, budget is tight.",
    },
    expected: {
      sentiment: 'neutral',
      tone: 'question',
      topics: ['feature flags', 'self-hosting', 'developer tools'],
      engagementLevel: 'medium',
    },
  },
  {
    id: 'post-010',
    post: {
      platform: 'x',
      author: { handle: 'parcelpoint_dev', followers: 12_800 },
      metrics: { likes: 35, shares: 28, replies: 6, impressions: 16_000 },
      text: 'Scheduled maintenance: our API will be read-only on Saturday 14 June from 02:00 to 04:00 UTC. Status updates at https://status.example.com',
    },
    expected: {
      sentiment: 'neutral',
      tone: 'announcement',
      topics: ['scheduled maintenance', 'api'],
      engagementLevel: 'low',
    },
  },
  {
    id: 'post-011',
    post: {
      platform: 'x',
      author: { handle: 'techtrail', followers: 58_000 },
      metrics: { likes: 1200, shares: 140, replies: 210, impressions: 45_000 },
      text: 'Two weeks with the Pixelbook X: the screen is gorgeous and the keyboard is great, but battery life is terrible and it gets hot under load. Full review: https://example.com/reviews/pixelbook-x #review',
    },
    expected: {
      sentiment: 'mixed',
      tone: 'informative',
      topics: ['laptop review', 'battery life', 'hardware'],
      engagementLevel: 'medium',
    },
  },
  {
    id: 'post-012',
    post: {
      platform: 'x',
      author: { handle: 'office_goblin', followers: 740 },
      metrics: { likes: 1900, shares: 600, replies: 85, impressions: 31_000 },
      text: 'The printer has detected that you are in a hurry and has chosen violence. 🖨️🔥 #mondays',
    },
    expected: {
      sentiment: 'negative',
      tone: 'humorous',
      topics: ['office life', 'printers'],
      engagementLevel: 'high',
    },
  },
  {
    id: 'post-013',
    post: {
      platform: 'mastodon',
      author: { handle: 'ada@hachyderm.io', followers: 5100 },
      metrics: { likes: 860, shares: 410, replies: 37 },
      text: 'To everyone maintaining open-source projects on weekends: thank you. Your work holds up more of the internet than anyone admits. 💚 #opensource',
    },
    expected: {
      sentiment: 'positive',
      tone: 'supportive',
      topics: ['open source', 'maintainers'],
      engagementLevel: 'high',
    },
  },
  {
    id: 'post-014',
    post: {
      platform: 'x',
      author: { handle: 'devsummit_eu', followers: 21_000 },
      metrics: { likes: 95, shares: 40, replies: 4, impressions: 38_000 },
      text: 'Last chance! Early-bird tickets for DevSummit Berlin end Friday. 60+ talks, 2 days, 1 great community. Grab yours 👉 https://example.com/devsummit #DevSummit #conference',
    },
    expected: {
      sentiment: 'positive',
      tone: 'promotional',
      topics: ['tech conference', 'event tickets'],
      engagementLevel: 'low',
    },
  },
  {
    id: 'post-015',
    post: {
      platform: 'linkedin',
      author: { handle: 'finlane_hq', followers: 8800 },
      metrics: { likes: 310, shares: 18, replies: 42, impressions: 9500 },
      text: "We're thrilled to welcome @sam_okafor as our new Head of Engineering! Sam joins us after a decade of building payments infrastructure. 🎉",
    },
    expected: {
      sentiment: 'positive',
      tone: 'announcement',
      topics: ['new hire', 'engineering leadership', 'payments'],
      engagementLevel: 'medium',
    },
  },
  {
    id: 'post-016',
    post: {
      platform: 'x',
      author: { handle: 'movie_night_mia', followers: 450 },
      metrics: { likes: 88, shares: 9, replies: 51, impressions: 3100 },
      text: 'Is it just me or has @StreamBox been buffering nonstop since the last update? Anyone found a fix?',
    },
    expected: {
      sentiment: 'negative',
      tone: 'question',
      topics: ['streaming', 'app update', 'buffering'],
      engagementLevel: 'high',
    },
  },
  {
    id: 'post-017',
    post: {
      platform: 'x',
      author: { handle: 'gridworks_eng', followers: 17_500 },
      metrics: { likes: 980, shares: 350, replies: 44, impressions: 29_000 },
      text: 'Thread 🧵: how we cut our CI time from 22 to 7 minutes. 1/ Cache dependencies by lockfile hash. 2/ Split tests by timing data. 3/ Stop building Docker images you never deploy. #devops #ci',
    },
    expected: {
      sentiment: 'neutral',
      tone: 'informative',
      topics: ['continuous integration', 'build performance', 'devops'],
      engagementLevel: 'high',
    },
  },
  {
    id: 'post-018',
    post: {
      platform: 'instagram',
      author: { handle: 'foodie_fran', followers: 2300 },
      metrics: { likes: 34, shares: 5, replies: 11 },
      text: "Paid €14 for a 'gourmet' burger and got a cold patty on a stale bun. The manager shrugged. Never again, @BurgerBarnCity. #badservice",
    },
    expected: {
      sentiment: 'negative',
      tone: 'angry',
      topics: ['restaurant', 'food quality', 'customer service'],
      engagementLevel: 'medium',
    },
  },
  {
    id: 'post-019',
    post: {
      platform: 'linkedin',
      author: { handle: 'ux_ola', followers: 1200 },
      metrics: { likes: 64, shares: 7, replies: 6, impressions: 4200 },
      text: "Not a great week for @QuickCart's support team judging by my timeline. If you're one of the folks answering tickets right now, hang in there. You're doing your best. 🙏",
    },
    expected: {
      sentiment: 'positive',
      tone: 'supportive',
      topics: ['customer support', 'support teams'],
      engagementLevel: 'medium',
    },
  },
  {
    id: 'post-020',
    post: {
      platform: 'instagram',
      author: { handle: 'ridgeline_gear', followers: 64_000 },
      metrics: { likes: 520, shares: 75, replies: 60, impressions: 88_000 },
      text: 'New drop: the Trailhead 2 hiking boot. Waterproof, 30% lighter, and resoled for free for life. Shop now → https://example.com/trailhead2 #hiking #outdoors',
    },
    expected: {
      sentiment: 'positive',
      tone: 'promotional',
      topics: ['hiking boots', 'outdoor gear', 'product launch'],
      engagementLevel: 'low',
    },
  },
  {
    id: 'post-021',
    post: {
      platform: 'mastodon',
      author: { handle: 'fastqueue@fosstodon.org', followers: 3900 },
      metrics: { likes: 140, shares: 38, replies: 9, impressions: 6800 },
      text: 'fastqueue 1.8.0 is out: Redis Streams backend, configurable retry backoff and a fix for the memory leak in long-running workers. Changelog: https://example.com/fastqueue/releases #python',
    },
    expected: {
      sentiment: 'neutral',
      tone: 'announcement',
      topics: ['software release', 'python', 'job queues'],
      engagementLevel: 'medium',
    },
  },
  {
    id: 'post-022',
    post: {
      platform: 'x',
      author: { handle: 'devdan', followers: 28_000 },
      metrics: { likes: 4600, shares: 920, replies: 180, impressions: 120_000 },
      text: "Me: I'll just fix one small bug before lunch.\nAlso me, at 4pm, rewriting the build system: 🤡",
    },
    expected: {
      sentiment: 'neutral',
      tone: 'humorous',
      topics: ['programming', 'developer life'],
      engagementLevel: 'high',
    },
  },
  {
    id: 'post-023',
    post: {
      platform: 'linkedin',
      author: { handle: 'careers_with_kim', followers: 41_000 },
      metrics: { likes: 380, shares: 22, replies: 290, impressions: 52_000 },
      text: 'Hiring managers: do you still read cover letters? Genuinely curious whether they change your decision or just slow down the process.',
    },
    expected: {
      sentiment: 'neutral',
      tone: 'question',
      topics: ['hiring', 'cover letters', 'recruiting'],
      engagementLevel: 'medium',
    },
  },
  {
    id: 'post-024',
    post: {
      platform: 'x',
      author: { handle: 'harborbank', followers: 150_000 },
      metrics: { likes: 420, shares: 1900, replies: 85, impressions: 310_000 },
      text: 'Heads up: a phishing campaign is impersonating our login page. We will never ask for your password by email. Report suspicious messages to security@example.com #security',
    },
    expected: {
      sentiment: 'negative',
      tone: 'informative',
      topics: ['phishing', 'security', 'banking'],
      engagementLevel: 'low',
    },
  },
  {
    id: 'post-025',
    post: {
      platform: 'threads',
      author: { handle: 'tomasz_k', followers: 980 },
      metrics: { likes: 510, shares: 140, replies: 96, impressions: 8300 },
      text: "Six weeks waiting for a refund from @FlyLuxe. Six. Weeks. Every call: 'it's being processed'. This is theft with extra steps.",
    },
    expected: {
      sentiment: 'negative',
      tone: 'angry',
      topics: ['refund', 'airline', 'customer service'],
      engagementLevel: 'high',
    },
  },
  {
    id: 'post-026',
    post: {
      platform: 'instagram',
      author: { handle: 'hannah_runs', followers: 640 },
      metrics: { likes: 290, shares: 6, replies: 48 },
      text: 'Just finished my first 10K after a year of rehab on my knee. Slow, but I finished. Thank you @run_club_leeds for never letting me quit ❤️ #running',
    },
    expected: {
      sentiment: 'positive',
      tone: 'supportive',
      topics: ['running', 'injury recovery', 'community'],
      engagementLevel: 'high',
    },
  },
  {
    id: 'post-027',
    post: {
      platform: 'linkedin',
      author: { handle: 'brightside_studio', followers: 9200 },
      metrics: { likes: 760, shares: 45, replies: 58, impressions: 13_500 },
      text: 'Our office dog just attended her first all-hands and honestly asked the best question of the day (it was about snacks). 🐶 #officelife',
    },
    expected: {
      sentiment: 'positive',
      tone: 'humorous',
      topics: ['office life', 'pets at work'],
      engagementLevel: 'high',
    },
  },
  {
    id: 'post-028',
    post: {
      platform: 'x',
      author: { handle: 'write_with_ruth', followers: 1800 },
      metrics: { likes: 23, shares: 2, replies: 15, impressions: 2400 },
      text: "Loving the new @Notable editor, but where did the export to PDF option go? Can't find it anywhere.",
    },
    expected: {
      sentiment: 'mixed',
      tone: 'question',
      topics: ['note-taking app', 'pdf export', 'app update'],
      engagementLevel: 'medium',
    },
  },
  {
    id: 'post-029',
    post: {
      platform: 'instagram',
      author: { handle: 'bluenote_bar', followers: 3100 },
      text: 'Doors open at 7! Live jazz tonight with the Marlowe Trio, no cover before 8pm. See you there 🎷 #jazz #livemusic',
    },
    expected: {
      sentiment: 'positive',
      tone: 'promotional',
      topics: ['live music', 'jazz', 'nightlife'],
      engagementLevel: 'medium',
    },
  },
  {
    id: 'post-030',
    post: {
      platform: 'x',
      author: { handle: 'metricly', followers: 26_000 },
      metrics: { likes: 150, shares: 60, replies: 140, impressions: 33_000 },
      text: "We're sunsetting the Classic dashboard on 30 September. We know many of you love it; the new dashboard now covers every Classic feature, and our migration guide is here: https://example.com/migrate #productupdate",
    },
    expected: {
      sentiment: 'mixed',
      tone: 'announcement',
      topics: ['product change', 'dashboard migration'],
      engagementLevel: 'low',
    },
  },
];

const byId = new Map(datasetPosts.map((entry) => [entry.id, entry]));

export function findDatasetPost(id: string): DatasetPost | undefined {
  return byId.get(id);
}

/** Like `findDatasetPost`, but throws a clear error for an unknown id. */
export function getDatasetPost(id: string): DatasetPost {
  const entry = byId.get(id);
  if (entry === undefined) {
    throw new Error(
      `No dataset post "${id}"; ids run from post-001 to post-${String(datasetPosts.length).padStart(3, '0')}.`,
    );
  }
  return entry;
}
