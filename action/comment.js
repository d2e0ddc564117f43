#!/usr/bin/env node
// Posts speckit's Markdown report as one pull-request comment and updates that comment on later runs. The
// comment is found by the marker its first line holds (`<!-- speckit:report -->`) and by its author: the
// token's own user when the token may say who it is, else a bot (GITHUB_TOKEN speaks as github-actions[bot]
// and cannot call GET /user). A comment by anyone else that merely contains the marker is left alone.
//
// Usage (the action's comment step): node comment.js REPORT.md
// Environment: GITHUB_TOKEN, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL (GitHub Enterprise).
// Only Node's built-ins: the global fetch and fs. upsertComment takes any client with the methods of
// createClient's, so the tests hand it a stub (Tests/Action/comment.test.js).
'use strict';

const fs = require('node:fs');

const MARKER = '<!-- speckit:report -->';
/** GitHub refuses a comment body longer than this many characters. */
const BODY_LIMIT = 65536;
const PER_PAGE = 100;

/** An HTTP error from the GitHub API, with its status and GitHub's message. */
class GitHubError extends Error {
  constructor(method, path, status, message) {
    super(`${method} ${path}: ${status} ${message}`);
    this.status = status;
  }
}

/**
 * The body as GitHub will take it: starting with the marker and at most BODY_LIMIT characters (UTF-16 code
 * units, never fewer than GitHub's count). A longer body is cut at the last whole line that fits, open
 * `<details>` and code fences are closed, and a last line says where the whole report is. An empty body is
 * refused.
 */
function fitBody(body, { marker = MARKER, limit = BODY_LIMIT } = {}) {
  if (typeof body !== 'string' || body.trim() === '') {
    throw new Error('the report is empty: nothing to post');
  }
  let text = body.startsWith(marker) ? body : `${marker}\n${body}`;
  if (text.length <= limit) return text;
  const note = '\n\n_The report was cut here to fit GitHub\'s limit of 65,536 characters; the whole report is in the job\'s step summary._\n';
  let budget = limit - note.length;
  for (;;) {
    let cut = text.slice(0, budget);
    const lastNewline = cut.lastIndexOf('\n');
    if (lastNewline > marker.length) cut = cut.slice(0, lastNewline);
    if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1); // never half a surrogate pair
    let closing = '';
    if ((cut.match(/^```/gm) || []).length % 2 === 1) closing += '\n```';
    const open = (cut.match(/<details>/g) || []).length - (cut.match(/<\/details>/g) || []).length;
    for (let i = 0; i < open; i += 1) closing += '\n\n</details>';
    const fitted = cut + closing + note;
    if (fitted.length <= limit) return fitted;
    budget = cut.length - (fitted.length - limit);
    if (budget <= marker.length) throw new Error(`the report cannot be cut to ${limit} characters`);
  }
}

/** Whether `comment` is the one this action keeps: it starts with the marker and is by us. */
function isOurs(comment, { marker = MARKER, login = null } = {}) {
  const user = comment.user || {};
  if (!(comment.body || '').startsWith(marker)) return false;
  if (login) return user.login === login;
  return user.type === 'Bot';
}

/**
 * Creates the comment, or updates the one an earlier run left (the oldest, if several); leaves an identical
 * body alone. Returns { action: 'created' | 'updated' | 'unchanged', comment }.
 */
async function upsertComment({ client, owner, repo, issueNumber, body, marker = MARKER }) {
  const text = fitBody(body, { marker });
  const login = client.login ? await client.login() : null;
  let mine = null;
  let fallback = null;
  for await (const comment of client.listComments({ owner, repo, issueNumber })) {
    if (!isOurs(comment, { marker, login })) continue;
    // Without a login any bot's marked comment will do, but github-actions[bot]'s (GITHUB_TOKEN) comes first.
    if (login || comment.user.login === 'github-actions[bot]') {
      mine = comment;
      break;
    }
    fallback = fallback || comment;
  }
  mine = mine || fallback;
  if (!mine) {
    return { action: 'created', comment: await client.createComment({ owner, repo, issueNumber, body: text }) };
  }
  if (mine.body === text) return { action: 'unchanged', comment: mine };
  return { action: 'updated', comment: await client.updateComment({ owner, repo, commentId: mine.id, body: text }) };
}

/** The comment methods upsertComment needs, against the GitHub REST API with `token`. */
function createClient({ token, apiUrl = 'https://api.github.com', fetch = globalThis.fetch }) {
  const base = apiUrl.replace(/\/+$/, '');
  async function request(method, pathOrUrl, body) {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : base + pathOrUrl;
    const response = await fetch(url, {
      method,
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'User-Agent': 'speckit-action',
        'X-GitHub-Api-Version': '2022-11-28',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) {
      throw new GitHubError(method, new URL(url).pathname, response.status, (data && data.message) || text.slice(0, 200));
    }
    return { data, headers: response.headers };
  }
  const issue = (owner, repo) => `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/issues`;
  return {
    /** The token's user, or null for an app's token (GitHub answers GET /user with 403 for those). */
    async login() {
      try {
        return (await request('GET', '/user')).data.login || null;
      } catch (error) {
        if (error instanceof GitHubError && (error.status === 403 || error.status === 401)) return null;
        throw error;
      }
    },
    /** Every comment of the issue, oldest first, page by page along the Link headers. */
    async *listComments({ owner, repo, issueNumber }) {
      let next = `${issue(owner, repo)}/${issueNumber}/comments?per_page=${PER_PAGE}`;
      while (next) {
        const { data, headers } = await request('GET', next);
        yield* data;
        const link = headers.get('link') || '';
        const match = link.split(',').map((part) => part.match(/<([^>]+)>\s*;\s*rel="next"/)).find(Boolean);
        next = match ? match[1] : null;
      }
    },
    async createComment({ owner, repo, issueNumber, body }) {
      return (await request('POST', `${issue(owner, repo)}/${issueNumber}/comments`, { body })).data;
    },
    async updateComment({ owner, repo, commentId, body }) {
      return (await request('PATCH', `${issue(owner, repo)}/comments/${commentId}`, { body })).data;
    },
  };
}

/**
 * The pull request the event is about: { number, owner, repo, fork }, or null when the event is not about
 * one. A pull request is from a fork when its head repository is not the base repository (or is deleted).
 */
function pullRequestOf(event, repository) {
  const pr = event && event.pull_request;
  if (!pr || !pr.number) return null;
  const baseName = (pr.base && pr.base.repo && pr.base.repo.full_name) || repository || '';
  const headName = (pr.head && pr.head.repo && pr.head.repo.full_name) || null;
  const [owner, repo] = baseName.split('/');
  return { number: pr.number, owner, repo, fork: headName !== baseName };
}

/** Runs the comment step; returns the exit code. `log` receives workflow-command lines. */
async function main({ argv = process.argv.slice(2), env = process.env, fetch = globalThis.fetch, log = console.log } = {}) {
  const reportPath = argv[0];
  if (!reportPath) {
    log('::error title=speckit::comment.js: usage: node comment.js REPORT.md');
    return 2;
  }
  let event = {};
  if (env.GITHUB_EVENT_PATH && fs.existsSync(env.GITHUB_EVENT_PATH)) {
    event = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  }
  const pr = pullRequestOf(event, env.GITHUB_REPOSITORY);
  if (!pr) {
    log('speckit: not a pull request event: no comment');
    return 0;
  }
  if (pr.fork) {
    log('::notice title=speckit::No pull-request comment: this pull request comes from a fork, whose token may not write to this repository (the annotations and the step summary hold the report).');
    return 0;
  }
  if (!env.GITHUB_TOKEN) {
    log('::error title=speckit::No token to comment with: set the github-token input (default: github.token) or comment: false.');
    return 1;
  }
  let body;
  try {
    body = fs.readFileSync(reportPath, 'utf8');
  } catch (error) {
    log(`::error title=speckit::Cannot read the report ${reportPath}: ${error.message}`);
    return 1;
  }
  const client = createClient({ token: env.GITHUB_TOKEN, apiUrl: env.GITHUB_API_URL || undefined, fetch });
  try {
    const { action, comment } = await upsertComment({ client, owner: pr.owner, repo: pr.repo, issueNumber: pr.number, body });
    log(`speckit: ${action} the pull-request comment ${comment.html_url || comment.id}`);
    return 0;
  } catch (error) {
    if (error instanceof GitHubError && error.status === 403) {
      log(`::warning title=speckit::No pull-request comment: the token may not write comments (${error.message}); give the job 'pull-requests: write', or set comment: false.`);
      return 0;
    }
    log(`::error title=speckit::The pull-request comment failed: ${error.message}`);
    return 1;
  }
}

module.exports = { MARKER, BODY_LIMIT, GitHubError, fitBody, isOurs, upsertComment, createClient, pullRequestOf, main };

if (require.main === module) {
  main().then((code) => {
    process.exitCode = code;
  });
}
