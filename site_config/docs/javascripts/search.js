/*
 * Site search: Material's search box (partials/search.html) driven by Pagefind.
 *
 * The index (generator/site_search.py) lives in pagefind/ at the site's root and is fetched
 * in pieces: pagefind.js and its WebAssembly when search first opens, then only the index
 * chunks a query's words need and one fragment per result shown, ten at a time. Everything
 * is loaded relative to the site's root as Material's __config gives it, so the site works
 * under any sub-path and asks nothing of any other host.
 *
 * Every string that comes from the index is page text, so untrusted: the DOM is built with
 * textContent, and of Pagefind's excerpt only its <mark> wrappers become elements.
 */
(function () {
  "use strict";

  const root = document.querySelector("[data-briefings-search]");
  const toggle = document.getElementById("__search"); // Material's data-md-toggle="search"
  const settings = document.getElementById("__config");
  if (!root || !toggle || !settings) {
    return;
  }

  const PAGE_SIZE = 10; // results whose fragments are fetched at a time
  const DEBOUNCE_MS = 150;
  // The order kinds are offered in, most read first; a kind not listed follows, by name.
  const KINDS = ["Briefing", "Source", "Actor", "Topic", "Region", "Page"];
  const UNAVAILABLE = "Search is not available: its index could not be loaded.";

  const config = JSON.parse(settings.textContent);
  const siteRoot = (config.base || ".").replace(/\/$/, "") + "/"; // relative, e.g. "../../"
  const words = config.translations || {};
  const form = root.querySelector("form");
  const input = root.querySelector("[data-briefings-search-query]");
  const scrollwrap = root.querySelector(".md-search__scrollwrap");
  const output = root.querySelector("[data-briefings-search-result]");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const more = root.querySelector("[data-briefings-search-more]");
  const selects = Array.from(root.querySelectorAll("[data-briefings-search-filter]"));

  let loading = null; // the promise of the Pagefind module, once search has been opened
  let totals = null; // every filter value with its count over the whole site
  // The results on show: Pagefind's list (fragments not loaded), how many are shown, and
  // whether a batch is loading. Replaced by each search, so a late batch of an older one
  // is dropped.
  let current = null;
  let generation = 0; // bumped by each search: an answer to an older one is dropped
  let timer = 0; // a keystroke's search, due once typing pauses

  function pagefind() {
    if (!loading) {
      const folder = new URL(siteRoot + "pagefind/", location.href).href;
      // A large site's index comes in parts (generator/site_search.py), searched together:
      // parts.json lists the ones pagefind.js does not load by itself.
      const parts = fetch(folder + "parts.json", { cache: "no-cache" }).then((response) => {
        if (!response.ok) {
          throw new Error(`${response.url}: ${response.status}`);
        }
        return response.json();
      });
      const options = {
        // Result URLs root-relative to the site ("/briefings/x/"), made relative below.
        baseUrl: "/",
        // Pagefind's default (0.75) favours short pages so much that an actor page which
        // names Bob Work once outranks the briefing about him, which is long because it
        // carries its sources' passages. At 0.3 the briefing comes right after the actor's
        // own page (tests/test_search_browser.py, ranking).
        ranking: { pageLength: 0.3 },
      };
      loading = import(folder + "pagefind.js").then(async (module) => {
        await module.options(options);
        // The WebAssembly and the index's metadata, fetched now rather than with the first
        // query: search is opened before the words are typed.
        await module.init();
        await Promise.all((await parts).map((part) => module.mergeIndex(folder + part, options)));
        return module;
      });
      parts.catch(() => {}); // reported through `loading`
      // A failed load (under serve, the index may still be being written) is tried again.
      loading.catch(() => { loading = null; });
    }
    return loading;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // "/briefings/x/" → "../../briefings/x/" from this page: the link works under any
  // sub-path and from a copy of the site anywhere.
  function link(url) {
    return siteRoot + String(url).replace(/^\/+/, "");
  }

  // Pagefind's excerpt is the page's text with "<" and ">" (only those: not "&") written
  // as "&lt;" and "&gt;", and each matching word wrapped in "<mark>…</mark>". Only those
  // wrappers become elements; everything else becomes text nodes, the two entities turned
  // back into the characters the page shows. (A page whose text says "&lt;" is shown "<"
  // here: Pagefind leaves no way to tell the two apart.)
  function excerpt(text) {
    const paragraph = element("p");
    const unescape = (part) => part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    for (const part of String(text).split(/(<mark>[^]*?<\/mark>)/)) {
      if (part.startsWith("<mark>") && part.endsWith("</mark>")) {
        paragraph.append(element("mark", "", unescape(part.slice(6, -7))));
      } else if (part) {
        paragraph.append(document.createTextNode(unescape(part)));
      }
    }
    return paragraph;
  }

  function item(page) {
    const info = page.meta || {};
    const kind = (page.filters && page.filters.kind && page.filters.kind[0]) || "";
    const anchor = element("a", "md-search-result__link");
    anchor.href = link(page.url);
    anchor.tabIndex = -1; // reached with the arrow keys, as in Material
    const article = element(
      "article", "md-search-result__article md-search-result__article--document md-typeset");
    article.append(element("div", "md-search-result__icon md-icon"));
    article.append(element("h1", "", info.title || page.url));
    const facts = element("p", "search-result__facts");
    if (kind) {
      facts.append(element("span", "search-result__kind", kind));
    }
    if (info.date) {
      const time = element("time", "search-result__date", info.date);
      time.setAttribute("datetime", info.date);
      facts.append(time);
    }
    article.append(facts, excerpt(page.excerpt || ""));
    anchor.append(article);
    const entry = element("li", "md-search-result__item");
    entry.append(anchor);
    return entry;
  }

  function chosenFilters() {
    const chosen = {};
    for (const select of selects) {
      if (select.value) {
        chosen[select.dataset.briefingsSearchFilter] = select.value;
      }
    }
    return chosen;
  }

  function ordered(name, values) {
    const names = Object.keys(values);
    if (name === "kind") {
      const rank = (value) => (KINDS.includes(value) ? KINDS.indexOf(value) : KINDS.length);
      return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    }
    if (name === "year") {
      return names.sort().reverse();
    }
    return names.sort((a, b) => a.localeCompare(b));
  }

  // Each option says how many pages have its value: over the whole site before a search,
  // among the pages the words typed find after one (other filters aside, so that another
  // kind can be chosen from a narrowed list). An option none of them has is disabled.
  function showCounts(counts) {
    for (const select of selects) {
      const name = select.dataset.briefingsSearchFilter;
      const values = (totals && totals[name]) || {};
      const chosen = select.value;
      const options = [select.options[0]];
      for (const value of ordered(name, values)) {
        const count = counts && counts[name] ? counts[name][value] || 0 : values[value];
        const option = new Option(`${value} (${count})`, value);
        option.disabled = count === 0 && value !== chosen;
        options.push(option);
      }
      select.replaceChildren(...options);
      select.value = chosen;
      select.hidden = options.length === 1; // a site without topics offers no topic filter
    }
  }

  function countLine(count) {
    if (count === 0) {
      return words["search.result.none"] || "No matching documents";
    }
    if (count === 1) {
      return words["search.result.one"] || "1 matching document";
    }
    return (words["search.result.other"] || "# matching documents").replace("#", String(count));
  }

  // aria-busy from a keystroke until its results are listed: assistive technology (and the
  // browser tests) know when what is listed answers what was typed.
  function busy(on) {
    output.setAttribute("aria-busy", on ? "true" : "false");
  }

  function clear(line) {
    current = null;
    list.replaceChildren();
    more.hidden = true;
    meta.textContent = line;
  }

  // On opening: what the box holds answered afresh, and the index's filter values, once.
  async function prepare() {
    const opened = generation;
    try {
      const module = await pagefind();
      totals = totals || await module.filters();
    } catch (error) {
      clear(UNAVAILABLE);
      return;
    }
    if (generation === opened) {
      search(); // nothing typed since opening
    } else if (current) {
      // What was typed meanwhile has been answered (a search under way, or due, shows the
      // options itself): its options, now that every value is known. Searching again would
      // only make the answer wait for a second search of the same words.
      showCounts(current.counts);
    }
  }

  async function search() {
    const id = ++generation;
    const query = input.value.trim();
    const filters = chosenFilters();
    busy(true);
    if (!query && !Object.keys(filters).length) {
      clear(words["search.result.placeholder"] || "Type to start searching");
      showCounts(null);
      busy(false);
      return;
    }
    let found;
    try {
      const module = await pagefind();
      // No words but a filter: every page the filters keep (Pagefind's filter-only search).
      found = await module.search(query || null, { filters });
    } catch (error) {
      if (id === generation) {
        clear(UNAVAILABLE);
        busy(false);
      }
      return;
    }
    if (id !== generation) {
      return;
    }
    clear(countLine(found.results.length));
    current = { results: found.results, counts: found.totalFilters, shown: 0, busy: false };
    showCounts(found.totalFilters);
    await showMore();
    if (id === generation) {
      busy(false);
    }
  }

  async function showMore() {
    const session = current;
    const id = generation;
    if (!session || session.busy || session.shown >= session.results.length) {
      return;
    }
    session.busy = true;
    busy(true);
    // Fetched together, listed in order as they come: the first result shows without
    // waiting for the last one's fragment.
    const pages = session.results.slice(session.shown, session.shown + PAGE_SIZE)
      .map((result) => result.data());
    pages.forEach((page) => page.catch(() => {})); // a failure is met where it is awaited
    try {
      for (const page of pages) {
        const shown = item(await page);
        if (session !== current) {
          return;
        }
        list.append(shown);
        session.shown += 1;
      }
    } finally {
      session.busy = false;
    }
    more.hidden = session.shown >= session.results.length;
    if (id === generation) {
      busy(false);
    }
  }

  function schedule() {
    busy(true);
    generation++; // a search under way answers words no longer in the box
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = 0;
      search();
    }, DEBOUNCE_MS);
  }

  // Material's checkbox toggle opens the overlay; clicking it (as Material does) fires
  // "change", which Material's scroll lock on phones listens to.
  function setOpen(open) {
    if (toggle.checked !== open) {
      toggle.click();
    }
  }

  function links() {
    return Array.from(list.querySelectorAll(".md-search-result__link"));
  }

  // Keys go to a field being typed in, not to search (Material's rule: any text input,
  // a select, a text area, editable content).
  function typing(target) {
    if (!target) {
      return false;
    }
    if (target instanceof HTMLInputElement) {
      return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
    }
    return target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement ||
      target.isContentEditable;
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
      return;
    }
    const active = document.activeElement;
    if (!toggle.checked) {
      if (["/", "s", "f"].includes(event.key) && !typing(active)) {
        event.preventDefault();
        setOpen(true);
        input.focus();
      }
      return;
    }
    switch (event.key) {
      case "Escape":
        event.preventDefault();
        setOpen(false);
        break;
      case "Enter":
        if (active === input) {
          event.preventDefault();
          const first = links()[0];
          if (first) {
            first.click();
          }
        }
        break;
      case "ArrowUp":
      case "ArrowDown": {
        if (active instanceof HTMLSelectElement) {
          return; // the arrows choose an option there
        }
        const stops = [input, ...links()];
        const at = Math.max(stops.indexOf(active), 0);
        const step = event.key === "ArrowDown" ? 1 : -1;
        event.preventDefault();
        stops[(at + step + stops.length) % stops.length].focus();
        break;
      }
      default:
        // Typing on a focused result goes on in the search box.
        if (event.key.length === 1 && links().includes(active)) {
          input.focus();
        }
    }
  }

  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      input.focus();
      prepare();
    } else {
      input.blur();
    }
  });
  input.addEventListener("focus", () => {
    setOpen(true);
    pagefind().catch(() => {}); // loading while the first words are typed
  });
  input.addEventListener("input", schedule);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => {
    // "reset" fires before the field is emptied.
    setTimeout(() => {
      input.focus();
      search();
    });
  });
  for (const select of selects) {
    select.addEventListener("change", search);
  }
  list.addEventListener("click", (event) => {
    // A result on this very page only moves to an anchor: close the overlay as well.
    if (event.target instanceof Element && event.target.closest("a")) {
      setOpen(false);
    }
  });
  more.addEventListener("click", showMore);
  // More results as the list is scrolled to its end.
  new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      showMore();
    }
  }, { root: scrollwrap }).observe(more);
  document.addEventListener("keydown", onKey);
})();
