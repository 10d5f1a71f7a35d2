// Package lint checks job postings written in Markdown: gender-coded
// wording, exclusionary or hollow phrasing, readability, length and shape,
// and the pay-transparency rules of the jurisdictions the job is in.
//
// It is pure: Check takes the posting's bytes and returns a Report; the only
// data it reads is embedded (data/*.yaml, with their sources in NOTICE).
//
// # Text
//
// The Markdown is parsed with goldmark (tables and strikethrough on). Text
// is taken from headings, paragraphs, list items and table cells; code
// blocks, raw HTML and link targets are not posting text. Each piece keeps
// the source line it came from, so findings carry lines.
//
// A paragraph that is all bold ("**Requirements**"), or a single short line
// ending in a colon ("Requirements:"), is a label: it starts a section like
// a heading and, like a heading, is not prose.
//
// # Prose and readability
//
// Prose is the text of paragraphs and list items. It is split into
// sentences at '.', '!', '?' or '…' followed by a space or the end, except
// after abbreviations ("e.g.", "Inc."), and at a line break that opens a
// new "Label:" line. What is left at the end of a paragraph or list item
// is a sentence too: a bullet without final punctuation is one sentence.
// Headings, labels and table cells are not prose.
//
// Flesch reading ease = 206.835 − 1.015 × (words / sentences) − 84.6 ×
// (syllables / words), over the prose. Syllables come from an English
// heuristic (vowel groups; silent final e; "-le", "-ed", "-es" rules; y as
// a vowel except before one; common suffixes; vowel pairs usually said
// apart) with an exception list; acronyms are spelled out and numbers
// count a syllable per digit group. The thresholds (FleschFloor,
// FleschNote and their executive variants) are calibrated on real postings:
// see testdata/corpus/reading-ease.yaml.
//
// Words are runs of letters and digits, joined across an apostrophe or a
// hyphen ("self-confident" is one word), a dot inside "Node.js", a comma
// inside "120,000". The word count covers all posting text, prose or not.
//
// # Shape
//
// The posting should have 300–700 words (900 with Options.Executive); about
// one third of its words in bullets (flagged outside 20–50%); and at most 8
// must-haves: top-level list items under a heading or label that contains
// "what you bring", "what you'll bring", "requirement", "must have" or
// "qualification" (case-insensitive) and is not "nice to have",
// "preferred", "bonus", "optional" or "plus". A subheading inherits its
// parent's kind unless it says otherwise.
//
// # Gender-coded wording
//
// The stems of Gaucher, Friesen & Kay (2011) and the gender-decoder, merged.
// Words are runs of letters (digits, apostrophes and other characters split
// them). A hyphenated word stays whole when it starts with a hyphenated stem
// ("co-operative", "self-reliant") and is otherwise split at its hyphens
// ("data-driven" counts "driven"). A word matches a stem when its lowercase
// form starts with it, unless it starts with an exception ("sharepoint").
// Each word occurrence counts once per list, however many stems it matches.
// Score = feminine − masculine; verdict "empty" when no coded word, else 0
// "neutral", 1..3 "feminine-coded", above 3 "strongly feminine-coded",
// −1..−3 "masculine-coded", below −3 "strongly masculine-coded". A
// masculine verdict is a warning.
//
// # Phrasing
//
// Rules from data/phrasing.yaml, each with an id, level, reason and fix,
// matched case-insensitively as whole words.
//
// # Pay transparency
//
// The jurisdictions are Options.Jurisdictions, or else those named by the
// posting's location lines ("Location: Brooklyn, NY", "Office – Denver,
// CO", "Based in Berlin", a table row "Location | Seattle, WA"). "Remote
// (US)" means every US jurisdiction, "Remote (EU)" or "Europe" the EU, and a
// remote location that names no place means all of them. Each requirement
// missing from the posting is an error naming the law (info when
// Options.Date is before the rule's effective date). The rules are data
// (data/pay.yaml) with their sources and dates, and are guidance, not legal
// advice.
//
// Pay is a range ("$120,000–$150,000 per year", "€60k - €75k", "USD
// 120,000 to 150,000") or a fixed figure with a period or on a pay line;
// figures whose sentence is about a bonus, budget or stipend are not base
// pay. Open-ended pay is "$120k+", "and up", "or more", "up to",
// "starting at". Benefits are described by two distinct concrete benefits
// (medical, dental, 401(k), paid leave, equity, bonus...), or by one under a
// heading about benefits or perks: a heading alone is not a description. A
// deadline is a phrase such as "apply by" or "applications close" followed
// by a date on the same line. A title is not gender-neutral when it has a
// gendered word ("Salesman") or a binary marker ("(m/f)"); "(m/f/d)" is
// fine.
//
// # French postings
//
// Options.Lang, or a function-word test over the text (DetectLanguage),
// tells a French posting from an English one. A French posting gets
// Kandel–Moles reading ease with a French syllable counter, the "(H/F)"
// title check (Code du travail L1142-1), the French rules of
// data/phrasing.yaml (lang: fr: age limits, L5331-2; youth-coded wording;
// vague pay; native language) beside the rules of both languages, French
// pay forms, and no gender-coded wording score: the word lists are English
// research. An English posting for a job in France gets a warning citing
// Code du travail L5331-4. See french.go and language.go.
package lint
