/*
 * Briefings: the interactive relationship graph.
 *
 * Plain ES2017, no build step, no network. Draws every `.relationship-graph` container of
 * the page with Cytoscape.js (site_config/docs/vendor/cytoscape/, loaded before this file
 * through `extra_javascript` in mkdocs.yml).
 *
 * The page provides, for each graph (written by the generator):
 *
 *   <script type="application/json" id="graph-data-XYZ">{"nodes": [...], "edges": [...],
 *     "focus": "iraq" | null}</script>
 *     ... or, for the site graph, a script loaded before this one (graph-data.js) sets
 *     window.briefingGraphs["graph-data-XYZ"] to the same object, with one key more:
 *     "actor_page": "../actors/{id}/", where an actor's page is from this page;
 *   <div class="relationship-graph relationship-graph--site|--actor"
 *        data-graph="graph-data-XYZ" role="img" aria-label="..."></div>
 *   <div class="relationship-graph__links"> <ul><li><a href="..." data-actor-id="iraq">
 *     ... the graph as a list, which is also what readers without JavaScript get (the site
 *     graph's list is cut into pages, and its links carry no data-actor-id).
 *
 * Where a node leads: the data's `actor_page`, written by the generator from the site's own
 * use_directory_urls, relative to the page, with the actor's id in place of {id}; without
 * one (an actor page's small graph), the `a[data-actor-id]` anchors of the list that follows
 * the graph (or anywhere in the page), which MkDocs wrote. Both are relative URLs, so the
 * site works under any sub-path and with or without directory URLs.
 * Optional `a[data-briefing-id]` / `a[data-article-id]` anchors in the page give the
 * briefings and sources behind an edge their titles and links.
 *
 * For tests, each drawn container gets data-rendered="true" (or "error") and
 * data-node-count, and keeps its Cytoscape instance as `container._cy`.
 */
(function () {
  "use strict";

  var SELECTOR = ".relationship-graph[data-graph]";

  // Kinds with a fixed look; any other kind gets one from FALLBACK, chosen by its name.
  // Mid-tone colours that read on Material's light (default) and dark (slate) schemes.
  var KINDS = {
    state: { shape: "round-rectangle", color: "#1e88e5" },
    "government-body": { shape: "rectangle", color: "#00897b" },
    organization: { shape: "hexagon", color: "#8e24aa" },
    "armed-group": { shape: "diamond", color: "#e53935" },
    person: { shape: "ellipse", color: "#f57c00" }
  };
  var FALLBACK = [
    { shape: "octagon", color: "#6d4c41" },
    { shape: "triangle", color: "#3949ab" },
    { shape: "pentagon", color: "#7cb342" },
    { shape: "star", color: "#d81b60" },
    { shape: "barrel", color: "#546e7a" },
    { shape: "vee", color: "#c0a000" }
  ];
  var KIND_ORDER = ["state", "government-body", "organization", "armed-group", "person"];

  var SIZE_MIN = 22; // node diameter (model px) for the smallest weight
  var SIZE_MAX = 56; // ... and for the largest
  // Edge labels are shown when few enough lines are in view for them to be read (at most
  // one per this many square pixels of the container), so zooming in brings them out; the
  // hovered or tapped line always has its label.
  var EDGE_LABEL_AREA = 15000;
  var HINT = "Click an actor to open its page; hover over or tap a line to see where it comes from.";

  var instances = [];

  function kindStyle(kind) {
    if (Object.prototype.hasOwnProperty.call(KINDS, kind)) return KINDS[kind];
    var hash = 0;
    var text = String(kind || "");
    for (var i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
    return FALLBACK[hash % FALLBACK.length];
  }

  // --- colours from Material's CSS variables, resolved at draw time ---------------------

  function parseRgb(text) {
    var match = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+)(%?))?\s*\)/.exec(
      text || ""
    );
    if (!match) return null;
    var alpha = match[4] === undefined ? 1 : parseFloat(match[4]) / (match[5] ? 100 : 1);
    return [parseFloat(match[1]), parseFloat(match[2]), parseFloat(match[3]), alpha];
  }

  function hex(rgb) {
    return (
      "#" +
      rgb
        .slice(0, 3)
        .map(function (value) {
          var byte = Math.max(0, Math.min(255, Math.round(value)));
          return (byte < 16 ? "0" : "") + byte.toString(16);
        })
        .join("")
    );
  }

  // Cytoscape takes opaque colours: blend a translucent one onto the background.
  function opaque(rgb, background) {
    var a = rgb[3];
    return hex([0, 1, 2].map(function (i) {
      return rgb[i] * a + background[i] * (1 - a);
    }));
  }

  function themeColours(container) {
    var probe = document.createElement("span");
    probe.style.display = "none";
    (container.parentNode || document.body).appendChild(probe);
    function read(variable, fallback) {
      probe.style.color = "";
      probe.style.color = "var(" + variable + ", " + fallback + ")";
      return parseRgb(getComputedStyle(probe).color) || parseRgb(fallback);
    }
    var bg = read("--md-default-bg-color", "rgb(255, 255, 255)");
    var colours = {
      bg: opaque(bg, [255, 255, 255]),
      fg: opaque(read("--md-default-fg-color", "rgba(0, 0, 0, 0.87)"), bg),
      light: opaque(read("--md-default-fg-color--light", "rgba(0, 0, 0, 0.54)"), bg),
      lighter: opaque(read("--md-default-fg-color--lighter", "rgba(0, 0, 0, 0.32)"), bg),
      accent: opaque(read("--md-accent-fg-color", "rgb(83, 109, 254)"), bg)
    };
    probe.remove();
    return colours;
  }

  function graphStyle(c) {
    return [
      {
        selector: "node",
        style: {
          shape: "data(shape)",
          "background-color": "data(color)",
          width: "data(size)",
          height: "data(size)",
          "border-width": 2,
          "border-color": c.bg,
          label: "data(name)",
          color: c.fg,
          "font-family": getComputedStyle(document.body).fontFamily || "sans-serif",
          "font-size": "data(fontSize)",
          "text-valign": "bottom",
          "text-halign": "center",
          "text-margin-y": 4,
          "text-wrap": "wrap",
          "text-max-width": 110,
          "text-outline-color": c.bg,
          "text-outline-width": 2.5,
          "text-outline-opacity": 0.9,
          "min-zoomed-font-size": 6,
          "overlay-opacity": 0,
          "transition-property": "opacity",
          "transition-duration": 120
        }
      },
      {
        selector: "node.focus",
        style: {
          "border-width": 4,
          "border-color": c.accent,
          "font-weight": "bold",
          "underlay-color": c.accent,
          "underlay-padding": 7,
          "underlay-opacity": 0.25,
          "underlay-shape": "ellipse",
          "z-index": 20
        }
      },
      {
        selector: "node.hovered",
        style: {
          "border-color": c.fg,
          "border-width": 3,
          "z-index": 30
        }
      },
      {
        selector: "edge",
        style: {
          width: 1.6,
          "curve-style": "bezier",
          "control-point-step-size": 36,
          "line-color": c.lighter,
          "target-arrow-shape": "triangle",
          "target-arrow-color": c.lighter,
          "arrow-scale": 1.1,
          label: "",
          color: c.light,
          "font-family": getComputedStyle(document.body).fontFamily || "sans-serif",
          "font-size": 10,
          "min-zoomed-font-size": 5,
          "text-rotation": "autorotate",
          "text-background-color": c.bg,
          "text-background-opacity": 0.85,
          "text-background-padding": 2,
          "text-background-shape": "round-rectangle",
          "overlay-opacity": 0,
          "transition-property": "opacity",
          "transition-duration": 120
        }
      },
      {
        selector: "edge.labelled",
        style: { label: "data(label)" }
      },
      {
        selector: "edge.near-focus",
        style: {
          "line-color": c.light,
          "target-arrow-color": c.light
        }
      },
      {
        selector: "edge.hovered, edge.selected-edge",
        style: {
          width: 3,
          "line-color": c.accent,
          "target-arrow-color": c.accent,
          label: "data(label)",
          color: c.fg,
          "font-size": 11,
          "min-zoomed-font-size": 0,
          "z-index": 40
        }
      },
      {
        selector: ".faded",
        style: { opacity: 0.22 }
      }
    ];
  }

  // --- the page's data ------------------------------------------------------------------

  // Inline JSON (an actor page's small graph), else the global a script set (the site
  // graph, from graph-data.js: a script, since fetch() of a .json fails on file://).
  function readData(container) {
    var id = container.getAttribute("data-graph");
    var source = document.getElementById(id);
    var loaded = window.briefingGraphs || {};
    var data;
    if (source) data = JSON.parse(source.textContent);
    else if (Object.prototype.hasOwnProperty.call(loaded, id)) data = loaded[id];
    else throw new Error("no graph data #" + id);
    if (!data || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) {
      throw new Error("graph data without nodes and edges");
    }
    return data;
  }

  // The fallback list of this graph: the next `.relationship-graph__links` sibling.
  function linksFor(container) {
    for (var el = container.nextElementSibling; el; el = el.nextElementSibling) {
      if (el.classList.contains("relationship-graph__links")) return el;
      if (el.matches(SELECTOR)) break;
    }
    return null;
  }

  function anchorMap(scope, attribute) {
    var map = {};
    var anchors = scope ? scope.querySelectorAll("a[" + attribute + "]") : [];
    Array.prototype.forEach.call(anchors, function (a) {
      var id = a.getAttribute(attribute);
      if (id && !map[id] && a.href) map[id] = a;
    });
    return map;
  }

  // id -> the URL of the actor's page, or null when the page does not say.
  function actorLinks(container, data) {
    if (typeof data.actor_page === "string") {
      var pattern = data.actor_page;
      return function (id) {
        return new URL(pattern.split("{id}").join(encodeURIComponent(id)), document.baseURI).href;
      };
    }
    var own = anchorMap(linksFor(container), "data-actor-id");
    var page = anchorMap(document, "data-actor-id");
    return function (id) {
      var anchor = own[id] || page[id];
      return anchor ? anchor.href : null;
    };
  }

  // --- drawing ---------------------------------------------------------------------------

  function elementsOf(data) {
    var weights = data.nodes.map(function (n) {
      return Math.max(0, Number(n.weight) || 0);
    });
    var low = Math.min.apply(null, weights.concat([Infinity]));
    var high = Math.max.apply(null, weights.concat([-Infinity]));
    var ids = {};
    var nodes = data.nodes.map(function (n, i) {
      ids[n.id] = true;
      var look = kindStyle(n.kind);
      var share = high > low ? Math.sqrt((weights[i] - low) / (high - low)) : 0.35;
      return {
        group: "nodes",
        data: {
          id: String(n.id),
          name: String(n.name || n.id),
          kind: String(n.kind || ""),
          kindLabel: String(n.kind_label || n.kind || ""),
          weight: weights[i],
          shape: look.shape,
          color: look.color,
          size: Math.round(SIZE_MIN + share * (SIZE_MAX - SIZE_MIN)),
          fontSize: Math.round(12.5 + share * 3.5)
        },
        classes: n.id === data.focus ? "focus" : ""
      };
    });
    var edges = data.edges
      .filter(function (e) {
        return ids[e.source] && ids[e.target];
      })
      .map(function (e, i) {
        return {
          group: "edges",
          data: {
            id: "e" + i,
            source: String(e.source),
            target: String(e.target),
            type: String(e.type || ""),
            label: String(e.label || e.type || ""),
            briefings: (e.briefings || []).map(String),
            evidence: (e.evidence || []).map(String)
          },
          classes:
            data.focus && (e.source === data.focus || e.target === data.focus) ? "near-focus" : ""
        };
      });
    return nodes.concat(edges);
  }

  // A small seeded generator: Cytoscape's cose only draws random numbers to separate nodes
  // that sit on the same spot, but with this the layout is the same on every load anyway.
  function seeded(seed) {
    return function () {
      seed = (seed + 0x6d2b79f5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // Deterministic: start from a circle ordered by weight and id (the focus in the middle),
  // then run the force-directed cose layout without randomising, synchronously.
  function layout(cy, focus) {
    var width = Math.max(cy.width(), 200);
    var height = Math.max(cy.height(), 200);
    var nodes = cy.nodes().sort(function (a, b) {
      return b.data("weight") - a.data("weight") || (a.id() < b.id() ? -1 : 1);
    });
    var ring = nodes.filter(function (n) {
      return n.id() !== focus;
    });
    var radius = Math.min(width, height) / 3;
    ring.forEach(function (node, i) {
      var angle = (2 * Math.PI * i) / Math.max(ring.length, 1) - Math.PI / 2;
      node.position({
        x: width / 2 + radius * Math.cos(angle),
        y: height / 2 + radius * Math.sin(angle)
      });
    });
    if (focus && cy.getElementById(focus).nonempty()) {
      cy.getElementById(focus).position({ x: width / 2, y: height / 2 });
    }
    var count = cy.nodes().length;
    var random = Math.random;
    Math.random = seeded(count * 7919 + cy.edges().length);
    try {
      cy.layout({
        name: "cose",
        randomize: false,
        animate: false,
        fit: false,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: function () {
          return 100;
        },
        nodeRepulsion: function () {
          return 400000;
        },
        nodeOverlap: 20,
        edgeElasticity: function () {
          return 100;
        },
        nestingFactor: 5,
        gravity: 80,
        numIter: 1500,
        initialTemp: 200,
        coolingFactor: 0.95,
        minTemp: 1.0,
        componentSpacing: 60
      }).run();
    } finally {
      Math.random = random;
    }
    spread(cy, width, height);
  }

  // cose gives the shape; fill the container's shape with it, so that the picture fits at
  // about zoom 1, without pushing nodes closer together than cose put them (much) and
  // without stretching one axis much more than the other.
  function spread(cy, width, height) {
    var nodes = cy.nodes();
    if (nodes.length < 2) return;
    var box = nodes.boundingBox({ includeLabels: false, includeOverlays: false });
    var labelRoom = 2 * 70; // around the outermost node centres: half a node, a label
    var availW = Math.max(width - labelRoom, width / 2);
    var availH = Math.max(height - 70, height / 2);
    var w = Math.max(box.w, 1);
    var h = Math.max(box.h, 1);
    var fx = clamp(availW / w, 0.75, 1.6);
    var fy = clamp(availH / h, 0.75, 1.6);
    // At most twice as stretched on one axis as on the other.
    if (fx > 2 * fy) fx = 2 * fy;
    if (fy > 2 * fx) fy = 2 * fx;
    var cx = box.x1 + box.w / 2;
    var cyy = box.y1 + box.h / 2;
    nodes.positions(function (node) {
      var p = node.position();
      return { x: width / 2 + (p.x - cx) * fx, y: height / 2 + (p.y - cyy) * fy };
    });
  }

  function clamp(value, low, high) {
    return Math.max(low, Math.min(high, value));
  }

  // Fit the picture, but never magnify it: labels keep their size on a two-node graph.
  function fit(cy) {
    cy.fit(undefined, 14);
    if (cy.zoom() > 1) {
      cy.zoom(1);
      cy.center();
    }
  }

  function names(ids, anchors) {
    return ids
      .map(function (id) {
        var a = anchors[id];
        return a ? a.textContent.trim() || id : id;
      })
      .join("; ");
  }

  function linkList(ids, anchors) {
    var fragment = document.createDocumentFragment();
    ids.forEach(function (id, i) {
      if (i) fragment.appendChild(document.createTextNode("; "));
      var a = anchors[id];
      if (a) {
        var link = document.createElement("a");
        link.href = a.href;
        link.textContent = a.textContent.trim() || id;
        fragment.appendChild(link);
      } else {
        var code = document.createElement("code");
        code.textContent = id;
        fragment.appendChild(code);
      }
    });
    return fragment;
  }

  function legendFor(nodes, focusName) {
    var kinds = {};
    nodes.forEach(function (n) {
      if (!kinds[n.data.kind]) kinds[n.data.kind] = { label: n.data.kindLabel };
    });
    var order = Object.keys(kinds).sort(function (a, b) {
      var ia = KIND_ORDER.indexOf(a);
      var ib = KIND_ORDER.indexOf(b);
      ia = ia < 0 ? KIND_ORDER.length : ia;
      ib = ib < 0 ? KIND_ORDER.length : ib;
      return ia - ib || kinds[a].label.localeCompare(kinds[b].label);
    });
    var legend = document.createElement("ul");
    legend.className = "relationship-graph__legend";
    legend.setAttribute("aria-label", "Legend");
    order.forEach(function (kind) {
      var look = kindStyle(kind);
      var item = document.createElement("li");
      item.className = "relationship-graph__legend-item";
      item.setAttribute("data-kind", kind);
      item.appendChild(swatch(look.shape, look.color));
      item.appendChild(document.createTextNode(kinds[kind].label));
      legend.appendChild(item);
    });
    if (focusName) {
      var item = document.createElement("li");
      item.className = "relationship-graph__legend-item relationship-graph__legend-item--focus";
      var ring = document.createElement("span");
      ring.className = "relationship-graph__focus-swatch";
      ring.setAttribute("aria-hidden", "true");
      item.appendChild(ring);
      item.appendChild(document.createTextNode(focusName + " (this page)"));
      legend.appendChild(item);
    }
    var weights = nodes.map(function (n) {
      return n.data.weight;
    });
    if (Math.max.apply(null, weights) > Math.min.apply(null, weights)) {
      var size = document.createElement("li");
      size.className = "relationship-graph__legend-item relationship-graph__legend-item--note";
      size.textContent = "Larger: in more briefings";
      legend.appendChild(size);
    }
    return legend;
  }

  var SVG_NS = "http://www.w3.org/2000/svg";
  var SHAPES = {
    ellipse: ["circle", { cx: 8, cy: 8, r: 6.5 }],
    "round-rectangle": ["rect", { x: 1.5, y: 2.5, width: 13, height: 11, rx: 3 }],
    rectangle: ["rect", { x: 1.5, y: 2.5, width: 13, height: 11 }],
    barrel: ["rect", { x: 1.5, y: 2, width: 13, height: 12, rx: 2 }],
    diamond: ["polygon", { points: "8,1 15,8 8,15 1,8" }],
    hexagon: ["polygon", { points: "4,2 12,2 15.5,8 12,14 4,14 0.5,8" }],
    octagon: ["polygon", { points: "5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5" }],
    triangle: ["polygon", { points: "8,1.5 15,14.5 1,14.5" }],
    pentagon: ["polygon", { points: "8,1 15,6.5 12.5,15 3.5,15 1,6.5" }],
    star: ["polygon", { points: "8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6" }],
    vee: ["polygon", { points: "1,2 8,6 15,2 8,15" }]
  };

  function swatch(shape, color) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "relationship-graph__swatch");
    var spec = SHAPES[shape] || SHAPES.ellipse;
    var el = document.createElementNS(SVG_NS, spec[0]);
    Object.keys(spec[1]).forEach(function (key) {
      el.setAttribute(key, spec[1][key]);
    });
    el.setAttribute("fill", color);
    svg.appendChild(el);
    return svg;
  }

  function draw(container) {
    if (container.dataset.rendered === "true" || container.dataset.rendered === "pending") return;
    container.dataset.rendered = "pending";
    var data;
    try {
      data = readData(container);
    } catch (error) {
      fail(container, error);
      return;
    }
    if (!data.nodes.length) {
      container.classList.add("relationship-graph--empty");
      container.removeAttribute("role");
      container.textContent = "No relationships to draw yet.";
      container.dataset.nodeCount = "0";
      container.dataset.edgeCount = "0";
      container.dataset.rendered = "true";
      return;
    }
    var focus = data.focus == null ? null : String(data.focus);
    var actorLink = actorLinks(container, data);
    var briefingAnchors = anchorMap(document, "data-briefing-id");
    var articleAnchors = anchorMap(document, "data-article-id");

    var elements = elementsOf(data);
    var nodes = elements.filter(function (el) {
      return el.group === "nodes";
    });
    var focusNode = nodes.filter(function (n) {
      return n.data.id === focus;
    })[0];

    // The legend, a button and the info line, above the graph, so that what the pointer
    // is over is described where the reader looks, even when the graph fills the screen.
    // In place before Cytoscape starts: it measures where its container is on the page.
    var controls = document.createElement("div");
    controls.className = "relationship-graph__controls";
    controls.appendChild(legendFor(nodes, focusNode ? focusNode.data.name : null));
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "relationship-graph__reset";
    reset.textContent = "Reset view";
    controls.appendChild(reset);
    var info = document.createElement("p");
    info.className = "relationship-graph__info";
    info.setAttribute("aria-live", "polite");
    info.textContent = HINT;
    container.insertAdjacentElement("beforebegin", controls);
    container.insertAdjacentElement("beforebegin", info);

    var cy;
    try {
      cy = window.cytoscape({
        container: container,
        elements: elements,
        style: graphStyle(themeColours(container)),
        layout: { name: "preset", fit: false },
        minZoom: 0.2,
        maxZoom: 4,
        boxSelectionEnabled: false,
        autoungrabify: false,
        autounselectify: true
      });
      layout(cy, focus);
      fit(cy);
    } catch (error) {
      if (cy) cy.destroy();
      controls.remove();
      info.remove();
      fail(container, error);
      return;
    }
    container._cy = cy;
    instances.push(cy);

    var labelled = null;
    var labelFrame = 0;
    function edgeLabels() {
      labelFrame = 0;
      var extent = cy.extent();
      var inView = cy.edges().filter(function (edge) {
        var m = edge.midpoint();
        return m.x >= extent.x1 && m.x <= extent.x2 && m.y >= extent.y1 && m.y <= extent.y2;
      }).length;
      var on = inView <= (cy.width() * cy.height()) / EDGE_LABEL_AREA;
      if (on === labelled) return;
      labelled = on;
      if (on) cy.edges().addClass("labelled");
      else cy.edges().removeClass("labelled");
    }
    edgeLabels();
    cy.on("viewport resize", function () {
      if (!labelFrame) labelFrame = window.requestAnimationFrame(edgeLabels);
    });

    // Refit when the container changes size, until the reader has moved the picture.
    var moved = false;
    var pointerDown = false;
    container.addEventListener("wheel", function () {
      moved = true;
    }, { passive: true });
    container.addEventListener("pointerdown", function () {
      pointerDown = true;
    });
    window.addEventListener("pointerup", function () {
      pointerDown = false;
    });
    cy.on("pan zoom", function () {
      if (pointerDown) moved = true;
    });
    cy.on("dragfree", "node", function () {
      moved = true;
    });
    cy.on("resize", function () {
      if (!moved) fit(cy);
    });
    // Cytoscape caches where its container is and updates that on scroll and resize only:
    // when the page moves the container (the info line above it grows or shrinks, or other
    // content above it changes), tell it, or clicks would land beside the nodes.
    if (typeof ResizeObserver === "function") {
      var observer = new ResizeObserver(function () {
        cy.resize();
      });
      observer.observe(controls);
      observer.observe(info);
      cy.one("destroy", function () {
        observer.disconnect();
      });
    }
    var seen = container.getBoundingClientRect();
    container.addEventListener("pointerenter", function () {
      var now = container.getBoundingClientRect();
      if (now.left !== seen.left || now.top !== seen.top) cy.resize();
      seen = now;
    });
    reset.addEventListener("click", function () {
      layout(cy, focus);
      fit(cy);
      moved = false;
      clearHighlight();
      info.textContent = HINT;
    });

    // Hover and tap.
    function neighbourhoodHighlight(node) {
      var keep = node.closedNeighborhood();
      cy.elements().not(keep).addClass("faded");
    }
    function clearHighlight() {
      cy.elements().removeClass("faded hovered selected-edge");
      container.removeAttribute("title");
      container.style.cursor = "";
    }
    function describeEdge(edge) {
      var d = edge.data();
      var line = document.createDocumentFragment();
      var strong = document.createElement("strong");
      strong.textContent =
        edge.source().data("name") + " " + d.label + " " + edge.target().data("name");
      line.appendChild(strong);
      if (d.briefings.length) {
        line.appendChild(document.createTextNode(" — briefing" + (d.briefings.length > 1 ? "s" : "") + ": "));
        line.appendChild(linkList(d.briefings, briefingAnchors));
      }
      if (d.evidence.length) {
        line.appendChild(document.createTextNode(" — evidence: "));
        line.appendChild(linkList(d.evidence, articleAnchors));
      }
      info.textContent = "";
      info.appendChild(line);
      var title = strong.textContent;
      if (d.briefings.length) title += "\nBriefings: " + names(d.briefings, briefingAnchors);
      if (d.evidence.length) title += "\nEvidence: " + names(d.evidence, articleAnchors);
      container.setAttribute("title", title);
    }
    function describeNode(node) {
      var d = node.data();
      var weight = d.weight === 1 ? "1 briefing" : d.weight + " briefings";
      info.textContent = d.name + " (" + d.kindLabel + ", in " + weight + ", " +
        node.degree(false) + " relationship" + (node.degree(false) === 1 ? "" : "s") +
        " here)" + (actorLink(d.id) ? " — click to open its page." : "");
      container.setAttribute("title", d.name + " — " + d.kindLabel);
    }

    cy.on("mouseover", "node", function (event) {
      clearHighlight();
      event.target.addClass("hovered");
      neighbourhoodHighlight(event.target);
      describeNode(event.target);
      container.style.cursor = actorLink(event.target.id()) ? "pointer" : "";
    });
    cy.on("mouseout", "node", function () {
      clearHighlight();
    });
    cy.on("mouseover", "edge", function (event) {
      clearHighlight();
      var edge = event.target;
      edge.addClass("hovered");
      cy.elements().not(edge.union(edge.connectedNodes())).addClass("faded");
      describeEdge(edge);
    });
    cy.on("mouseout", "edge", function () {
      clearHighlight();
    });
    cy.on("tap", "edge", function (event) {
      // Touch screens have no hover: a tap shows the same.
      clearHighlight();
      event.target.addClass("selected-edge");
      cy.elements().not(event.target.union(event.target.connectedNodes())).addClass("faded");
      describeEdge(event.target);
    });
    cy.on("tap", function (event) {
      if (event.target === cy) {
        clearHighlight();
        info.textContent = HINT;
      }
    });
    cy.on("tap", "node", function (event) {
      var href = actorLink(event.target.id());
      if (!href) return;
      var pointer = event.originalEvent;
      if (pointer && (pointer.ctrlKey || pointer.metaKey || pointer.shiftKey)) {
        window.open(href, "_blank", "noopener"); // as a link would
      } else {
        window.location.assign(href);
      }
    });

    // Follow Material's colour scheme when the reader switches it.
    container._restyle = function () {
      cy.style(graphStyle(themeColours(container)));
    };

    container.dataset.nodeCount = String(cy.nodes().length);
    container.dataset.edgeCount = String(cy.edges().length);
    container.dataset.rendered = "true";
  }

  function fail(container, error) {
    container.dataset.rendered = "error";
    container.classList.add("relationship-graph--error");
    container.removeAttribute("role");
    container.textContent =
      "The graph could not be drawn here (" + (error && error.message ? error.message : error) +
      "). The list below shows the same actors and relationships.";
    if (window.console) console.error("relationship graph:", error);
  }

  function init() {
    // Drop instances whose page is gone (Material's instant navigation replaces the page).
    instances = instances.filter(function (cy) {
      var alive = cy.container() && document.body.contains(cy.container());
      if (!alive) cy.destroy();
      return alive;
    });
    var containers = document.querySelectorAll(SELECTOR);
    if (!containers.length) return; // most pages: nothing to do
    if (typeof window.cytoscape !== "function") {
      Array.prototype.forEach.call(containers, function (container) {
        fail(container, new Error("Cytoscape.js is not loaded"));
      });
      return;
    }
    Array.prototype.forEach.call(containers, draw);
    watchScheme();
  }

  // Material switches the scheme through attributes on <body>.
  var observing = false;
  function watchScheme() {
    if (observing || typeof MutationObserver !== "function") return;
    observing = true;
    new MutationObserver(function () {
      instances.forEach(function (cy) {
        var container = cy.container();
        if (container && container._restyle) container._restyle();
      });
    }).observe(document.body, {
      attributes: true,
      attributeFilter: ["data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"]
    });
  }

  // Material's document$ emits each page (also under its instant navigation); without it,
  // the page is drawn once it is parsed.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
