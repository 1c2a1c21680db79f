#!/usr/bin/env node
// Parses Adaptive Cards with the official renderer's parser (npm adaptivecards) and reports every parse event
// (errors AND warnings: unknown element types, invalid property values, unsupported versions, ...) and every
// validation event (validateProperties). A valid card reports none.
//
//   node tools/cards/validate.js card1.json [card2.json ...]
//   node tools/cards/validate.js < cards.json        (a JSON array of cards, or a single card)
// prints [{ "name": <file or index>, "events": [{ "phase", "event", "message" }, ...] }, ...]
// exit code 0 when every card has no events, 1 otherwise.
//
// Under Node the package's lib/ entry does not load; the dist/ bundle does.
"use strict";
const fs = require("fs");
const path = require("path");

let AC;
try {
    AC = require("adaptivecards/dist/adaptivecards.js");
} catch (e) {
    process.stderr.write("adaptivecards is not installed: run `npm ci` in the repository root.\n");
    process.exit(3);
}

function describe(value) {
    if (typeof value === "number") {
        return value;
    }
    return value === undefined ? null : String(value);
}

function validate(name, json) {
    const events = [];
    const context = new AC.SerializationContext();
    const card = new AC.AdaptiveCard();
    try {
        card.parse(json, context);
    } catch (e) {
        events.push({ phase: "parse", event: "exception", message: String(e && e.message ? e.message : e) });
        return { name, events };
    }
    for (let i = 0; i < context.eventCount; i++) {
        const e = context.getEventAt(i);
        events.push({
            phase: describe(AC.ValidationPhase ? AC.ValidationPhase[e.phase] : e.phase),
            event: describe(AC.ValidationEvent ? AC.ValidationEvent[e.event] : e.event),
            message: e.message,
        });
    }
    const validation = card.validateProperties();
    for (const e of validation.validationEvents || []) {
        events.push({
            phase: describe(AC.ValidationPhase ? AC.ValidationPhase[e.phase] : e.phase),
            event: describe(AC.ValidationEvent ? AC.ValidationEvent[e.event] : e.event),
            message: e.message,
        });
    }
    return { name, events };
}

const files = process.argv.slice(2);
let results;
if (files.length > 0) {
    results = files.map((file) => validate(file, JSON.parse(fs.readFileSync(path.resolve(file), "utf8"))));
} else {
    const input = JSON.parse(fs.readFileSync(0, "utf8"));
    const cards = Array.isArray(input) ? input : [input];
    results = cards.map((card, index) => validate(String(index), card));
}
process.stdout.write(JSON.stringify(results, null, 2) + "\n");
process.exit(results.every((r) => r.events.length === 0) ? 0 : 1);
