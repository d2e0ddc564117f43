#!/usr/bin/env node
// Prints the action's count outputs from speckit's JSON report (spec/schema/validate.schema.json) as
// `name=value` lines for $GITHUB_OUTPUT: errors, warnings, notes, and new, the errors and warnings that are
// new (not at the base revision nor in the baseline). Without a comparison the report has no `new` counts,
// and every error and warning is new. Notes never fail a run, so they are not in `new`.
//
// Usage: node outputs.js REPORT.json >> "$GITHUB_OUTPUT"
'use strict';

const fs = require('node:fs');

/** The outputs for a parsed report: { errors, warnings, notes, new }. */
function countsOf(report) {
  const summary = report && report.summary;
  if (!summary || typeof summary.errors !== 'number' || typeof summary.warnings !== 'number') {
    throw new Error('no summary with errors and warnings counts');
  }
  const fresh = summary.new ? summary.new.errors + summary.new.warnings : summary.errors + summary.warnings;
  return { errors: summary.errors, warnings: summary.warnings, notes: summary.notes || 0, new: fresh };
}

function main(argv = process.argv.slice(2)) {
  const path = argv[0];
  try {
    const counts = countsOf(JSON.parse(fs.readFileSync(path, 'utf8')));
    for (const [name, value] of Object.entries(counts)) process.stdout.write(`${name}=${value}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`outputs.js: ${path}: ${error.message}\n`);
    return 1;
  }
}

module.exports = { countsOf };

if (require.main === module) process.exitCode = main();
