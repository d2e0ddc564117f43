// The action's count outputs (action/outputs.js) from speckit's JSON report summary.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');

const { countsOf } = require('../../action/outputs.js');

test('new is the new errors and warnings when the run was compared', () => {
  const summary = { errors: 3, warnings: 2, notes: 4, passed: false, new: { errors: 1, warnings: 1, notes: 4 } };
  assert.deepEqual(countsOf({ summary }), { errors: 3, warnings: 2, notes: 4, new: 2 });
});

test('without a comparison every error and warning is new', () => {
  assert.deepEqual(countsOf({ summary: { errors: 1, warnings: 2, notes: 5, passed: false } }), { errors: 1, warnings: 2, notes: 5, new: 3 });
});

test('a report without counts is refused', () => {
  assert.throws(() => countsOf({}), /no summary/);
  assert.throws(() => countsOf({ summary: { errors: '1', warnings: 0 } }), /no summary/);
});
