// A page of "the clinic's site" for hearth-lead-notice.test.ts, loaded in an iframe so that it is
// a real next page load: it has one FAQ and no lead form or assessment, and loads what the
// script-tag runtime loads (core, and the look for leads waiting on the device).
// Query: ?config=<json for the FAQ>[&lang=es][&placed=1: the page places <hearth-lead-notice> itself, at the top]
// [&npm=1: a site built from the npm packages, which imports @hearth/faq/hearth-faq.js and nothing else]
const params = new URLSearchParams(location.search);

const lang = params.get('lang');
if (lang) document.documentElement.lang = lang;
const faq = document.createElement('hearth-faq');
faq.setAttribute('config', params.get('config') ?? '{}');
if (params.get('placed')) document.querySelector('main')?.append(document.createElement('hearth-lead-notice'));
document.querySelector('main')?.append(faq);
// The page is in place before Hearth loads, as with a script tag at the end of <body>.
if (!params.get('npm')) await import('../../../hearth/src/runtime.js');
await import('../../../faq/src/define.js');

export {};
