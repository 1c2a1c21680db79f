#!/usr/bin/env node
// Expands Adaptive Card templates with the official engine (npm adaptivecards-templating), for tests that compare
// it with the bot's own expansion (StretchBot.Dialogs/Cards).
//
//   node tools/cards/expand.js <template.json> <data.json>
//       prints the expanded card as JSON.
//   node tools/cards/expand.js --batch < jobs.json
//       jobs.json: [{ "name": "...", "template": <template JSON>, "data": <data JSON> }, ...]
//       prints [{ "name": "...", "result": <expanded JSON> } or { "name": "...", "error": "message" }, ...]
//       (one process for many templates keeps the test suite fast).
"use strict";
const fs = require("fs");
const path = require("path");

let templating;
try {
    templating = require("adaptivecards-templating");
} catch (e) {
    process.stderr.write("adaptivecards-templating is not installed: run `npm ci` in the repository root.\n");
    process.exit(3);
}

function expand(template, data) {
    const expanded = new templating.Template(template).expand({ $root: data });
    // undefined (nothing) is printed as null so the output is always JSON.
    return expanded === undefined ? null : expanded;
}

function readJson(file) {
    return JSON.parse(fs.readFileSync(path.resolve(file), "utf8"));
}

function readStdin() {
    return fs.readFileSync(0, "utf8");
}

const args = process.argv.slice(2);
if (args[0] === "--batch") {
    const jobs = JSON.parse(readStdin());
    const results = jobs.map((job) => {
        try {
            return { name: job.name, result: expand(job.template, job.data) };
        } catch (e) {
            return { name: job.name, error: String(e && e.message ? e.message : e) };
        }
    });
    process.stdout.write(JSON.stringify(results));
} else if (args.length === 2) {
    process.stdout.write(JSON.stringify(expand(readJson(args[0]), readJson(args[1])), null, 2) + "\n");
} else {
    process.stderr.write("usage: expand.js <template.json> <data.json> | expand.js --batch < jobs.json\n");
    process.exit(2);
}
