#!/usr/bin/env node
// The oracle: renders the bibliography fixture items with citeproc-js and the official CSL
// styles, and writes what Zotero would print as JSON the Python tests compare against.
//
//   node tools/citeproc_oracle/render.js [--csl DIR] [--items FILE] [--out FILE]
//
// DIR holds styles/ and locales/ (default: ../shared/csl beside the repository); the styles
// are read from there and never copied into the repository. Each entry and note is written
// as segments, [text, italic] pairs, the plain-text-plus-italics form of Archivist's Entry.
//
// How a dossier is modelled: the whole item set is one bibliography (its order, year
// suffixes and repeated-author dashes come from that); an item whose language is Persian or
// Arabic is rendered again alone with its own locale (citeproc-js has one locale per run).
// Notes: in the note style each article is a chapter (first citation in full again in each,
// CMOS 18 14.29); in the in-text styles the whole dossier is one document, so the citations'
// year suffixes and added initials agree with the bibliography.

"use strict";

const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const REPO = path.resolve(__dirname, "..", "..");
const STYLES = [
  "chicago-notes-bibliography",
  "chicago-author-date",
  "apa",
  "modern-language-association",
];
const NOTE_STYLES = new Set(["chicago-notes-bibliography"]);
const RTL_LOCALES = { fa: "fa-IR", ar: "ar" };

function parseArgs(argv) {
  const args = {
    csl: path.resolve(REPO, "..", "shared", "csl"),
    items: path.join(REPO, "tests", "export", "data", "citeproc_items.json"),
    out: path.join(REPO, "tests", "export", "data", "citeproc_expected.json"),
  };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in args) || argv[i + 1] === undefined) {
      throw new Error(`usage: render.js [--csl DIR] [--items FILE] [--out FILE] (got ${argv[i]})`);
    }
    args[key] = path.resolve(argv[i + 1]);
  }
  return args;
}

function itemLocale(item) {
  const lang = String(item.language || "").slice(0, 2).toLowerCase();
  return RTL_LOCALES[lang] || null;
}

// Fixture keys starting with "_" describe an item for people; citeproc never sees them.
function cslItem(item) {
  const out = {};
  for (const [key, value] of Object.entries(item)) {
    if (!key.startsWith("_")) out[key] = value;
  }
  return out;
}

function makeEngine(cslDir, styleId, items, lang) {
  const style = fs.readFileSync(path.join(cslDir, "styles", `${styleId}.csl`), "utf8");
  const sys = {
    retrieveLocale(code) {
      const file = path.join(cslDir, "locales", `locales-${code}.xml`);
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
    },
    retrieveItem(id) {
      return items[id];
    },
  };
  const engine = new CSL.Engine(sys, style, lang || "en-US", Boolean(lang));
  engine.setOutputFormat("html");
  return engine;
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name) => {
    if (name[0] === "#") {
      const hex = name[1] === "x" || name[1] === "X";
      return String.fromCodePoint(parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    if (!(name in ENTITIES)) throw new Error(`unknown entity ${all}`);
    return ENTITIES[name];
  });
}

// citeproc's html as [text, italic] segments: <i> and font-style spans set italics; the
// entry's own <div> wrappers go; any other markup is an error, so nothing is lost unseen.
function segments(html) {
  const body = html
    .trim()
    .replace(/^<div class="csl-entry">/, "")
    .replace(/<\/div>$/, "")
    .trim();
  const out = [];
  const stack = [false];
  const tags = /<(\/?)([a-z]+)((?:\s+[a-z-]+="[^"]*")*)\s*>/gi;
  let last = 0;
  let match;
  const push = (text) => {
    if (!text) return;
    const italic = stack[stack.length - 1];
    const prev = out[out.length - 1];
    if (prev && prev[1] === italic) prev[0] += text;
    else out.push([text, italic]);
  };
  while ((match = tags.exec(body)) !== null) {
    push(decode(body.slice(last, match.index)));
    last = tags.lastIndex;
    const [, closing, tag, attrs] = match;
    if (closing) {
      stack.pop();
    } else if (tag === "i") {
      stack.push(true);
    } else if (tag === "span" && /font-style:\s*normal/.test(attrs)) {
      stack.push(false);
    } else if (tag === "span" && /font-style:\s*italic/.test(attrs)) {
      stack.push(true);
    } else {
      throw new Error(`unexpected markup <${tag}${attrs}> in ${html}`);
    }
  }
  push(decode(body.slice(last)));
  return out;
}

// makeBibliography() lists every item in entry_ids but leaves out the html of an entry the
// style omits (an unsigned encyclopedia entry, a letter in a note style); ``omitted`` names
// those, found by rendering each item alone, so the rest line up with their html.
function bibliography(engine, ids, omitted) {
  engine.updateItems(ids);
  const [meta, html] = engine.makeBibliography();
  const kept = meta.entry_ids.map((entryIds) => String(entryIds[0])).filter((id) => !omitted.has(id));
  if (kept.length !== html.length) {
    throw new Error(`${kept.length} entries expected, citeproc gave ${html.length}`);
  }
  return kept.map((id, n) => ({ id, segments: segments(html[n]) }));
}

// One engine per style and locale renders the items one at a time: parsing a style is slow,
// and updateItems() replaces the whole registry, so nothing carries over between items.
const aloneEngines = new Map();

function alone(cslDir, styleId, items, id, lang) {
  const key = `${styleId} ${lang}`;
  if (!aloneEngines.has(key)) aloneEngines.set(key, makeEngine(cslDir, styleId, items, lang));
  const engine = aloneEngines.get(key);
  engine.updateItems([id]);
  const [, html] = engine.makeBibliography();
  return html.length && html[0].trim() ? segments(html[0]) : null;
}

function notes(cslDir, styleId, items, articles) {
  const runs = NOTE_STYLES.has(styleId) ? articles.map((a) => [a]) : [articles];
  const out = [];
  for (const run of runs) {
    const engine = makeEngine(cslDir, styleId, items, null);
    const citations = [];
    let noteIndex = 0;
    for (const article of run) {
      for (const cite of article) {
        noteIndex += 1;
        const citationItem = { id: cite.id };
        if (cite.locator) {
          citationItem.locator = cite.locator;
          citationItem.label = cite.label || "page";
        }
        citations.push({
          citationID: `c${noteIndex}`,
          citationItems: [citationItem],
          properties: { noteIndex },
        });
      }
    }
    const byId = new Map();
    for (const [id, , html] of engine.rebuildProcessorState(citations, "html")) byId.set(id, html);
    // Persian and Arabic works' citations again in their own locale, those of one locale
    // together (as they would stand in a document in that language: same-author works
    // still told apart), in the same notes.
    const byLocale = new Map();
    for (const citation of citations) {
      const lang = itemLocale(items[citation.citationItems[0].id]);
      if (!lang) continue;
      if (!byLocale.has(lang)) byLocale.set(lang, []);
      byLocale.get(lang).push(citation);
    }
    for (const [lang, own] of byLocale) {
      const engine = makeEngine(cslDir, styleId, items, lang);
      for (const [cid, , html] of engine.rebuildProcessorState(own, "html")) byId.set(cid, html);
    }
    for (const citation of citations) out.push(segments(byId.get(citation.citationID)));
  }
  return out;
}

// The entry with its author names (literal names, joined by the locale's "and") replaced by
// the dashes; an entry that does not start with them is an error, not silently kept.
function withDash(segments, dash, item) {
  const names = (item.author || []).map((n) => n.literal || `${n.family}, ${n.given}`);
  const [text, italic] = segments[0];
  for (const joiner of [" و ", " and "]) {
    const written = names.join(joiner);
    if (text.startsWith(written + ".")) {
      return [[dash + text.slice(written.length), italic], ...segments.slice(1)];
    }
  }
  throw new Error(`cannot put the dashes in ${item.id}: ${text}`);
}

function styleUpdated(cslDir, styleId) {
  const xml = fs.readFileSync(path.join(cslDir, "styles", `${styleId}.csl`), "utf8");
  const updated = /<updated>([^<]+)<\/updated>/.exec(xml);
  return updated ? updated[1] : null;
}

function main() {
  const args = parseArgs(process.argv);
  const fixture = JSON.parse(fs.readFileSync(args.items, "utf8"));
  const items = {};
  for (const item of fixture.items) {
    if (items[item.id]) throw new Error(`duplicate item id ${item.id}`);
    items[item.id] = cslItem(item);
  }
  const ids = fixture.items.map((item) => item.id);
  const expected = {
    generator: {
      citeproc: require("citeproc/package.json").version,
      styles: Object.fromEntries(STYLES.map((s) => [s, styleUpdated(args.csl, s)])),
    },
    styles: {},
  };
  for (const styleId of STYLES) {
    const single = {};
    for (const item of fixture.items) {
      single[item.id] = alone(args.csl, styleId, items, item.id, itemLocale(item));
    }
    const omitted = new Set(ids.filter((id) => single[id] === null));
    const whole = bibliography(makeEngine(args.csl, styleId, items, null), ids, omitted);
    const entries = {};
    for (const entry of whole) entries[entry.id] = entry.segments;
    // A Persian or Arabic item's entry is the one rendered with its own locale; where the
    // whole bibliography put the repeated-author dashes, they stand for its names there too.
    for (const item of fixture.items) {
      if (!itemLocale(item) || !(item.id in entries)) continue;
      const own = single[item.id];
      const dash = entries[item.id][0][0].match(/^(\u2014+)\./);
      entries[item.id] = dash ? withDash(own, dash[1], item) : own;
    }
    const rendered = notes(args.csl, styleId, items, fixture.notes);
    expected.styles[styleId] = {
      order: whole.map((entry) => entry.id),
      entries,
      notes: rendered,
    };
  }
  fs.writeFileSync(args.out, JSON.stringify(expected, null, 1) + "\n");
  const counts = STYLES.map((s) => `${s} ${expected.styles[s].order.length}`).join(", ");
  process.stderr.write(`wrote ${args.out}: ${ids.length} items (${counts} entries)\n`);
}

main();
