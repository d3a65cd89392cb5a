// @hearth/embed in Node (the "node" export condition): a server-side render (Next, Nuxt, Astro,
// SvelteKit) may import the package while it renders, but the loader and the all-in-one file need
// a page to find, load and define elements in. Here they do nothing, and importing never throws;
// the browser gets dist/hearth.js or dist/hearth.all.js, with no byte spent on this check.
export {};
