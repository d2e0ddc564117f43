// The action's comment script (action/comment.js) with a stub GitHub client, and its real client with a stub
// fetch. Run: node --test Tests/Action/ (scripts/check-action.sh does).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { MARKER, BODY_LIMIT, fitBody, upsertComment, createClient, pullRequestOf, main } = require('../../action/comment.js');

const bot = { login: 'github-actions[bot]', type: 'Bot' };
const alice = { login: 'alice', type: 'User' };

/** A stub client over an in-memory list of comments; `calls` records every call but the list. */
function stubClient(comments = [], { login = null } = {}) {
  const calls = [];
  let nextId = 500;
  return {
    calls,
    comments,
    async login() {
      return login;
    },
    async *listComments(parameters) {
      calls.push(['list', parameters]);
      yield* comments;
    },
    async createComment({ owner, repo, issueNumber, body }) {
      calls.push(['create', { owner, repo, issueNumber }]);
      const comment = { id: (nextId += 1), body, user: login ? { login, type: 'User' } : bot };
      comments.push(comment);
      return comment;
    },
    async updateComment({ owner, repo, commentId, body }) {
      calls.push(['update', { owner, repo, commentId }]);
      const comment = comments.find((c) => c.id === commentId);
      comment.body = body;
      return comment;
    },
  };
}

const report = (verdict) => `${MARKER}\n### speckit ${verdict}\n`;
const where = { owner: 'acme', repo: 'plans', issueNumber: 7 };
const writes = (client) => client.calls.filter(([kind]) => kind !== 'list');

test('the first run creates the comment', async () => {
  const client = stubClient([{ id: 1, body: 'LGTM', user: alice }]);
  const result = await upsertComment({ client, ...where, body: report('failed') });
  assert.equal(result.action, 'created');
  assert.deepEqual(writes(client), [['create', where]]);
  assert.equal(client.comments.at(-1).body, report('failed'));
});

test('a second run updates the same comment and creates none', async () => {
  const client = stubClient();
  const first = await upsertComment({ client, ...where, body: report('failed') });
  const second = await upsertComment({ client, ...where, body: report('passed') });
  assert.equal(second.action, 'updated');
  assert.equal(second.comment.id, first.comment.id);
  assert.deepEqual(writes(client), [['create', where], ['update', { owner: 'acme', repo: 'plans', commentId: first.comment.id }]]);
  assert.equal(client.comments.length, 1);
  assert.equal(client.comments[0].body, report('passed'));
});

test('the same report again leaves the comment alone', async () => {
  const client = stubClient([{ id: 9, body: report('failed'), user: bot }]);
  const result = await upsertComment({ client, ...where, body: report('failed') });
  assert.equal(result.action, 'unchanged');
  assert.deepEqual(writes(client), []);
});

test("another user's comment holding or even starting with the marker is not taken over", async () => {
  const theirs = [
    { id: 1, body: `what is ${MARKER} for?`, user: alice },
    { id: 2, body: `${MARKER}\nmy notes`, user: alice },
    { id: 3, body: `see ${MARKER}`, user: bot }, // a bot's comment that does not start with the marker
  ];
  const client = stubClient(theirs.map((c) => ({ ...c })));
  const result = await upsertComment({ client, ...where, body: report('failed') });
  assert.equal(result.action, 'created');
  assert.deepEqual(writes(client), [['create', where]]);
  assert.deepEqual(client.comments.slice(0, 3), theirs);
});

test("with a token that names its user, only that user's marked comment is ours", async () => {
  const client = stubClient(
    [
      { id: 1, body: report('old'), user: bot }, // speckit's comment from another workflow's GITHUB_TOKEN
      { id: 2, body: report('old'), user: { login: 'ci-user', type: 'User' } },
    ],
    { login: 'ci-user' },
  );
  const result = await upsertComment({ client, ...where, body: report('new') });
  assert.equal(result.action, 'updated');
  assert.deepEqual(writes(client), [['update', { owner: 'acme', repo: 'plans', commentId: 2 }]]);
  assert.equal(client.comments[0].body, report('old'));
});

test("without a login github-actions[bot]'s comment comes before another bot's", async () => {
  const client = stubClient([
    { id: 1, body: report('old'), user: { login: 'other-app[bot]', type: 'Bot' } },
    { id: 2, body: report('old'), user: bot },
  ]);
  const result = await upsertComment({ client, ...where, body: report('new') });
  assert.equal(result.comment.id, 2);
});

test('a body over 65,536 characters is cut at a line, closes what it opened and says so', () => {
  const rows = Array.from({ length: 5000 }, (_, i) => `| ❌ | \`rule\` | [f.md:${i}](f.md#L${i}) | message ${i} |`);
  const body = `${MARKER}\n### speckit failed\n\n<details><summary>more</summary>\n\n${rows.join('\n')}\n\n</details>\n`;
  assert.ok(body.length > BODY_LIMIT);
  const fitted = fitBody(body);
  assert.ok(fitted.length <= BODY_LIMIT, `${fitted.length}`);
  assert.ok(fitted.startsWith(`${MARKER}\n### speckit failed`));
  assert.match(fitted, /\|\n\n<\/details>\n\n_The report was cut here to fit GitHub's limit of 65,536 characters/);
  const kept = fitted.slice(0, fitted.indexOf('\n\n</details>')).split('\n').slice(5);
  assert.ok(kept.length > 100 && kept.every((line) => rows.includes(line)), `only whole rows are kept: ${kept.at(-1)}`);
});

test('a long body never ends in half a surrogate pair, and the limit is in UTF-16 units', () => {
  const fitted = fitBody(`${MARKER}\n${'😀'.repeat(BODY_LIMIT)}`);
  assert.ok(fitted.length <= BODY_LIMIT);
  assert.doesNotMatch(fitted, /[\ud800-\udbff](?![\udc00-\udfff])/);
});

test('a body of exactly the limit is kept whole; an empty one is refused; the marker is put first', () => {
  const exact = MARKER + 'x'.repeat(BODY_LIMIT - MARKER.length);
  assert.equal(fitBody(exact), exact);
  assert.throws(() => fitBody('  \n'), /empty/);
  assert.equal(fitBody('### speckit passed\n'), `${MARKER}\n### speckit passed\n`);
});

test('an over-long body is posted cut, not refused by GitHub', async () => {
  const client = stubClient();
  await upsertComment({ client, ...where, body: `${MARKER}\n${'line\n'.repeat(20000)}` });
  assert.ok(client.comments[0].body.length <= BODY_LIMIT);
});

test('the real client pages through comments along the Link header', async () => {
  const requests = [];
  const page = (items, next) => ({
    ok: true,
    status: 200,
    headers: new Headers(next ? { link: `<${next}>; rel="next", <https://x/last>; rel="last"` } : {}),
    text: async () => JSON.stringify(items),
  });
  const fetch = async (url, init) => {
    requests.push([init.method, url, init.headers.Authorization]);
    if (url.endsWith('/user')) return { ok: false, status: 403, headers: new Headers(), text: async () => '{"message":"Resource not accessible by integration"}' };
    if (url.includes('page=2')) return page([{ id: 2, body: report('old'), user: bot }], null);
    if (init.method === 'GET') return page([{ id: 1, body: 'hi', user: alice }], 'https://ghe.example/api/v3/repos/acme/plans/issues/7/comments?per_page=100&page=2');
    return page({ id: 2, body: JSON.parse(init.body).body, user: bot }, null);
  };
  const client = createClient({ token: 't0k', apiUrl: 'https://ghe.example/api/v3/', fetch });
  const result = await upsertComment({ client, ...where, body: report('new') });
  assert.equal(result.action, 'updated');
  assert.deepEqual(requests, [
    ['GET', 'https://ghe.example/api/v3/user', 'Bearer t0k'],
    ['GET', 'https://ghe.example/api/v3/repos/acme/plans/issues/7/comments?per_page=100', 'Bearer t0k'],
    ['GET', 'https://ghe.example/api/v3/repos/acme/plans/issues/7/comments?per_page=100&page=2', 'Bearer t0k'],
    ['PATCH', 'https://ghe.example/api/v3/repos/acme/plans/issues/comments/2', 'Bearer t0k'],
  ]);
});

test('a pull request from a fork, or from a deleted one, is a fork', () => {
  const event = (head) => ({ pull_request: { number: 7, head: { repo: head }, base: { repo: { full_name: 'acme/plans' } } } });
  assert.deepEqual(pullRequestOf(event({ full_name: 'acme/plans' })), { number: 7, owner: 'acme', repo: 'plans', fork: false });
  assert.equal(pullRequestOf(event({ full_name: 'someone/plans' })).fork, true);
  assert.equal(pullRequestOf(event(null)).fork, true);
  assert.equal(pullRequestOf({ ref: 'refs/heads/main' }), null);
});

/** Runs main() with an event file and a report; returns { code, lines, requests }. */
async function runMain(event, { token = 't', fetch } = {}) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speckit-comment-'));
  try {
    fs.writeFileSync(path.join(folder, 'event.json'), JSON.stringify(event));
    fs.writeFileSync(path.join(folder, 'report.md'), report('failed'));
    const requests = [];
    const lines = [];
    const code = await main({
      argv: [path.join(folder, 'report.md')],
      env: { GITHUB_EVENT_PATH: path.join(folder, 'event.json'), GITHUB_REPOSITORY: 'acme/plans', GITHUB_TOKEN: token },
      fetch: fetch || (async (url, init) => {
        requests.push([init.method, url]);
        throw new Error('no request expected');
      }),
      log: (line) => lines.push(line),
    });
    return { code, lines, requests };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

test('main skips a fork with a notice that says why, and asks nothing of the API', async () => {
  const { code, lines, requests } = await runMain({
    pull_request: { number: 7, head: { repo: { full_name: 'someone/plans' } }, base: { repo: { full_name: 'acme/plans' } } },
  });
  assert.equal(code, 0);
  assert.deepEqual(requests, []);
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^::notice title=speckit::No pull-request comment: this pull request comes from a fork/);
});

test('main does nothing outside a pull request', async () => {
  const { code, lines, requests } = await runMain({ ref: 'refs/heads/main' });
  assert.equal(code, 0);
  assert.deepEqual(requests, []);
  assert.deepEqual(lines, ['speckit: not a pull request event: no comment']);
});

test('main turns a read-only token (403) into a warning naming the permission', async () => {
  const fetch = async () => ({ ok: false, status: 403, headers: new Headers(), text: async () => '{"message":"Resource not accessible by integration"}' });
  const { code, lines } = await runMain(
    { pull_request: { number: 7, head: { repo: { full_name: 'acme/plans' } }, base: { repo: { full_name: 'acme/plans' } } } },
    { fetch },
  );
  assert.equal(code, 0);
  assert.match(lines[0], /^::warning title=speckit::No pull-request comment: the token may not write comments .*pull-requests: write/);
});
