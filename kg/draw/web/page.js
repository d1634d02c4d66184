"use strict";
// The kg relationship-graph page. Two modes, chosen by kg when it writes the page:
// - "full" (small graphs): every node is drawn at the positions computed in Python; search and the
//   legend show or hide parts of the drawing.
// - "index" (large graphs, e.g. a corpus of thousands of documents): the page carries a compact index
//   (names, classes, documents, adjacency; gzip + base64, inflated by the browser) and draws an overview
//   (by class or by document), then the neighbourhood of what is searched or clicked, laid out here with
//   d3-force. Nothing is loaded from the network (the Content-Security-Policy forbids it).
// The page reports its state on <body>: data-ready, data-mode, data-rendered (nodes drawn and visible),
// data-focused (id of the focused node), data-errors, data-csp, data-ready-ms and data-focus-ms (timings).
(function () {
  var body = document.body;
  var errors = 0, csp = 0;
  function countError() { errors += 1; body.dataset.errors = String(errors); }
  window.addEventListener("error", countError);
  window.addEventListener("unhandledrejection", countError);
  document.addEventListener("securitypolicyviolation", function () { csp += 1; body.dataset.csp = String(csp); });
  var origError = console.error;
  console.error = function () { countError(); return origError.apply(console, arguments); };

  var SVGNS = "http://www.w3.org/2000/svg";
  var MAX_NODES = 250, PER_NODE = 40, MAX_RELATIONS = 150, MAX_EDGE_LABELS = 300, MAX_EDGES = 600;
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var INDEX = data.mode === "index";
  body.dataset.mode = data.mode || "full";
  var colors = {}, classByName = {};
  data.classes.forEach(function (c) { colors[c.cls] = c.color; classByName[c.cls] = c; });
  colors.Document = "#555555";
  var IX = null;  // the index of a large graph (see loadIndex)

  // current drawing
  var nodes = [], edges = [], byId = {}, adj = {}, nodeEls = {}, edgeEls = [];
  var hiddenClasses = {}, visible = null, focused = "", selected = "", docFilter = "", view0 = "";

  function el(tag, attrs, parent, text) {
    var x = document.createElementNS(SVGNS, tag);
    for (var k in attrs) { x.setAttribute(k, attrs[k]); }
    if (text !== undefined) { x.textContent = text; }
    if (parent) { parent.appendChild(x); }
    return x;
  }
  function h(tag, parent, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) { x.textContent = text; }
    if (cls) { x.className = cls; }
    if (parent) { parent.appendChild(x); }
    return x;
  }
  function name(n) { return n.en && n.en !== n.zh ? n.zh + " " + n.en : n.zh; }
  function classOf(cls) { return classByName[cls] || {zh: cls === "Document" ? "文件" : "", en: cls}; }
  function radius(n) { return 5 + Math.min(Math.sqrt(n.deg) * 2.2, 12); }
  function status(text) { document.getElementById("status").textContent = text; }

  // ---------------------------------------------------------------- drawing
  var gEdges = document.getElementById("edges"), gLabels = document.getElementById("elabels"), gNodes = document.getElementById("nodes");
  function draw(ns, es) {
    nodes = ns; edges = es; byId = {}; adj = {}; nodeEls = {}; edgeEls = [];
    gEdges.textContent = ""; gLabels.textContent = ""; gNodes.textContent = "";
    nodes.forEach(function (n) { byId[n.id] = n; adj[n.id] = []; });
    edges.forEach(function (e, i) { adj[e.s].push(i); adj[e.t].push(i); });
    var seenPairs = {};
    edgeEls = edges.map(function (e) {
      var a = byId[e.s], b = byId[e.t];
      var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
      var ra = radius(a) + 1, rb = radius(b) + 3;
      var line = el("line", {"class": "edge", x1: a.x + dx / len * ra, y1: a.y + dy / len * ra,
                             x2: b.x - dx / len * rb, y2: b.y - dy / len * rb, "marker-end": "url(#arrow)"}, gEdges);
      el("title", {}, line, a.zh + " → " + (e.zh + (e.en ? " " + e.en : "")) + " → " + b.zh);
      var pair = e.s < e.t ? e.s + "\u0000" + e.t : e.t + "\u0000" + e.s;
      var nth = seenPairs[pair] = (seenPairs[pair] || 0) + 1;  // parallel edges: labels one under the other
      if (edges.length > MAX_EDGE_LABELS) { return {line: line, label: null}; }  // many edges: labels on hover only
      var label = el("text", {"class": "elabel", x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 2 + (nth - 1) * 9}, gLabels, e.zh || e.en);
      return {line: line, label: label};
    });
    nodes.forEach(function (n) {
      var g = el("g", {"class": "node" + (n.kind ? " " + n.kind : ""), "data-id": n.id, "data-cls": n.cls,
                       transform: "translate(" + n.x + "," + n.y + ")"}, gNodes);
      el("circle", {r: radius(n), fill: colors[n.cls] || "#999"}, g);
      var text = n.zh.length > 16 ? n.zh.slice(0, 15) + "…" : n.zh;
      el("text", {x: 0, y: -radius(n) - 3, "text-anchor": "middle"}, g, n.more ? text + " (+" + n.more + ")" : n.count !== undefined ? text + " (" + n.count + ")" : text);
      g.addEventListener("mouseenter", function (ev) { tip(ev, n); });
      g.addEventListener("mousemove", function (ev) { tip(ev, n); });
      g.addEventListener("mouseleave", function () { document.getElementById("tip").hidden = true; });
      g.addEventListener("click", function (ev) { ev.stopPropagation(); select(n.id); });
      g.addEventListener("dblclick", function (ev) { ev.stopPropagation(); open(n); });
      nodeEls[n.id] = g;
    });
  }

  function tip(ev, n) {
    var t = document.getElementById("tip");
    var c = classOf(n.cls);
    t.textContent = name(n) + " — " + (c.zh ? c.zh + " " : "") + c.en + (n.count !== undefined ? " · " + n.count : "") +
      (n.figures && n.figures.length ? " · " + n.figures[0] : "") + (n.quotes && n.quotes.length ? "\n「" + n.quotes[0] + "」" : "");
    t.style.left = (ev.clientX + 12) + "px"; t.style.top = (ev.clientY + 12) + "px"; t.hidden = false;
  }

  // ---------------------------------------------------------------- legend and filters
  var legend = document.getElementById("legend-items");
  data.classes.forEach(function (c) {
    var lab = h("label", legend);
    var box = h("input", lab); box.type = "checkbox"; box.checked = true; box.dataset.cls = c.cls;
    var sw = h("span", lab, null, "sw"); sw.style.background = c.color;
    h("span", lab, (c.zh ? c.zh + " " : "") + c.en);
    h("span", lab, "(" + c.count + ")", "count");
    box.addEventListener("change", function () { hiddenClasses[c.cls] = !box.checked; apply(); });
  });
  var docSelect = document.getElementById("doc");
  if (data.docs && data.docs.length) {
    document.getElementById("doc-filter").hidden = false;
    data.docs.forEach(function (d) { var o = h("option", docSelect, d.id + " (" + d.count + ")"); o.value = d.id; });
    docSelect.addEventListener("change", function () { setDoc(docSelect.value); });
  }
  function inDoc(n) { return !docFilter || (n.docs || []).indexOf(docFilter) >= 0 || n.id === focused || n.kind === "doc" && n.doc === docFilter; }

  function apply() {
    var shown = 0;
    nodes.forEach(function (n) {
      var on = !hiddenClasses[n.cls] && (!visible || visible[n.id] !== undefined) && (INDEX || inDoc(n));
      nodeEls[n.id].classList.toggle("hidden", !on);
      nodeEls[n.id].classList.toggle("focus", n.id === focused);
      nodeEls[n.id].classList.toggle("sel", n.id === selected);
      if (on) { shown += 1; }
    });
    edges.forEach(function (e, i) {
      var on = !nodeEls[e.s].classList.contains("hidden") && !nodeEls[e.t].classList.contains("hidden");
      edgeEls[i].line.classList.toggle("hidden", !on);
      if (edgeEls[i].label) { edgeEls[i].label.classList.toggle("hidden", !on); }
      edgeEls[i].line.classList.toggle("hi", on && (e.s === selected || e.t === selected));
    });
    body.dataset.rendered = String(shown);
    body.dataset.focused = focused;
    var total = INDEX ? IX.n : data.nodes.length;
    status(shown + " / " + total + " 节点 nodes" + (view0 ? " · " + view0 : "") +
           (focused && byId[focused] ? " · 聚焦 focus: " + byId[focused].zh : "") + (docFilter ? " · 文件 document: " + docFilter : ""));
  }

  // ---------------------------------------------------------------- details panel
  function link(parent, text, onclick) { var a = h("a", parent, text); a.addEventListener("click", onclick); return a; }
  function select(id) {
    selected = id;
    var n = byId[id], c = classOf(n.cls);
    var info = document.getElementById("info");
    info.textContent = "";
    h("h2", info, name(n));
    h("p", info, (c.zh ? c.zh + " " : "") + c.en + (n.kind === "class" || n.kind === "doc" ? " · " + n.count + " 节点 nodes" : " · " + n.id), "hint");
    if (n.kind === "class") { members(info, n); apply(); return; }
    if (n.kind === "doc") {
      var bd = h("button", info, "显示此文件 Show this document"); bd.type = "button";
      bd.addEventListener("click", function () { setDoc(n.doc); });
      apply(); return;
    }
    if (n.docs && n.docs.length) {
      h("p", info, "文件 documents (" + n.docs.length + "): " + n.docs.slice(0, 12).join(", ") + (n.docs.length > 12 ? " …" : ""), "hint");
    }
    var dl = h("dl", info);
    (n.facts || []).forEach(function (f) { h("dt", dl, f[0]); h("dd", dl, f[1]); });
    if (n.figures && n.figures.length) { h("h2", info, "数据 Figures"); var fl = h("ul", info); n.figures.forEach(function (f) { h("li", fl, f); }); }
    var rel = INDEX && n.i !== undefined ? indexRelations(n.i) : adj[id].map(function (i) { var e = edges[i]; return {out: e.s === id, zh: e.zh, en: e.en, other: e.s === id ? e.t : e.s, quotes: e.quotes || []}; });
    if (rel.length) {
      h("h2", info, "关系 Relations" + (INDEX && n.deg > rel.length ? " (" + rel.length + " / " + n.deg + ")" : ""));
      var ul = h("ul", info);
      rel.forEach(function (r) {
        var li = h("li", ul);
        h("span", li, (r.out ? "→ " : "← ") + r.zh + (r.en ? " " + r.en : "") + " ");
        var other = r.other;
        link(li, byId[other] ? byId[other].zh : r.otherName, function () { if (byId[other]) { select(other); } else { focusIndex(r.j, depth()); } });
        r.quotes.forEach(function (q) { h("blockquote", li, q); });
      });
    }
    if (!INDEX) {
      h("h2", info, "原文引文 Source quotes");
      if (!n.quotes.length) { h("p", info, "（词表概念，无原文引文 vocabulary concept, no quote）", "hint"); }
      n.quotes.forEach(function (q) { h("blockquote", info, q); });
    } else {
      h("p", info, "事实与原文引文：kg viz --focus " + n.id + "（或 kg query person-profile）。Facts and quotes: kg viz --focus " + n.id + ".", "hint");
    }
    var b = h("button", info, "聚焦此节点 Focus on this node"); b.type = "button";
    b.addEventListener("click", function () { open(n); });
    apply();
  }

  // ---------------------------------------------------------------- focus and search (full mode)
  function depth() { return parseInt(document.getElementById("depth").value, 10) || 1; }
  function focus(id, d) {
    if (INDEX) { var i = indexOf(id); if (i >= 0) { focusIndex(i, d); } return; }
    if (!byId[id]) { return; }
    var t0 = performance.now();
    visible = {}; visible[id] = 0;
    var frontier = [id];
    for (var k = 1; k <= d; k++) {
      var next = [];
      frontier.forEach(function (v) {
        adj[v].forEach(function (i) {
          var e = edges[i], w = e.s === v ? e.t : e.s;
          if (visible[w] === undefined && inDoc(byId[w])) { visible[w] = k; next.push(w); }
        });
      });
      frontier = next;
    }
    focused = id;
    select(id);
    fit();
    body.dataset.focusMs = (performance.now() - t0).toFixed(1);
  }
  function open(n) {
    if (n.kind === "class") { select(n.id); return; }
    if (n.kind === "doc") { setDoc(n.doc); return; }
    focus(n.id, depth());
  }
  function showAll() {
    visible = null; focused = "";
    if (INDEX) { overview(document.getElementById("overview").value); return; }
    apply(); fit();
  }
  function find(q) {
    if (INDEX) {
      if (!(q || "").trim()) { return ""; }
      var t0 = performance.now(), i = findIndex(q);
      body.dataset.searchMs = (performance.now() - t0).toFixed(1);
      return i >= 0 ? at(IX.ids, i) : "";
    }
    q = (q || "").trim().toLowerCase();
    if (!q) { return ""; }
    var exact = data.nodes.filter(function (n) { return [n.id, n.zh, n.en].some(function (s) { return (s || "").toLowerCase() === q; }); });
    if (exact.length) { return exact[0].id; }
    var part = data.nodes.filter(function (n) { return (n.zh + " " + n.en).toLowerCase().indexOf(q) >= 0; });
    part.sort(function (a, b) { return b.deg - a.deg || (a.zh < b.zh ? -1 : 1); });
    return part.length ? part[0].id : "";
  }
  function setDoc(doc) {
    docFilter = doc || "";
    docFilterIndex = -1;
    (data.docs || []).forEach(function (d, k) { if (d.id === docFilter) { docFilterIndex = k; } });
    docSelect.value = docFilter;
    if (INDEX) { if (docFilter) { showDocument(docFilter); } else { showAll(); } return; }
    apply(); fit();
  }

  // ---------------------------------------------------------------- the index of a large graph
  function fromBase64(s) {
    if (Uint8Array.fromBase64) { return Uint8Array.fromBase64(s); }
    var bin = atob(s), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out;
  }
  function unpack(key) {
    var bytes = fromBase64(document.getElementById("kg-" + key).textContent.trim());
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  }
  function loadIndex() {
    var keys = ["zh", "en", "ids", "cls", "dc", "dl", "es", "et", "el"];
    return Promise.all(keys.map(unpack)).then(function (b) {
      var td = new TextDecoder();
      // names stay three long strings ("\n" + one name per line + "\n") with line offsets: no million small
      // strings to build, and searching is the browser's own indexOf
      var ix = {n: data.n, m: data.m, zh: column(td.decode(b[0])), en: column(td.decode(b[1])),
                ids: column(td.decode(b[2])), cls: new Uint8Array(b[3]), dl: new Uint32Array(b[5]), enl: null};
      var dc = new Uint32Array(b[4]), es = new Int32Array(b[6]), et = new Int32Array(b[7]), m = es.length, n = ix.n;
      var dstart = new Uint32Array(n + 1);
      for (var q = 0; q < n; q++) { dstart[q + 1] = dstart[q] + dc[q]; }
      ix.dstart = dstart;
      var src = new Uint32Array(m), dst = new Uint32Array(m), deg = new Uint32Array(n), prev = 0, k;
      for (k = 0; k < m; k++) { prev += es[k]; src[k] = prev; dst[k] = prev + et[k]; deg[src[k]]++; deg[dst[k]]++; }
      var start = new Uint32Array(n + 1);
      for (k = 0; k < n; k++) { start[k + 1] = start[k] + deg[k]; }
      var fill = start.slice(0, n), inc = new Uint32Array(2 * m);
      for (k = 0; k < m; k++) { inc[fill[src[k]]++] = k; inc[fill[dst[k]]++] = k; }
      ix.src = src; ix.dst = dst; ix.lab = new Uint32Array(b[8]); ix.deg = deg; ix.start = start; ix.inc = inc;
      IX = ix;
      body.dataset.indexMs = performance.now().toFixed(1);
    });
  }
  function column(text) {
    var t = "\n" + text + "\n", off = new Uint32Array(data.n + 1), k = 0, p = 0;
    while (k <= data.n && (p = t.indexOf("\n", p)) >= 0) { off[k++] = p; p += 1; }
    return {t: t, off: off};
  }
  function at(col, i) { return col.t.slice(col.off[i] + 1, col.off[i + 1]); }
  function lineOf(col, pos) {  // the node whose line holds character pos
    var lo = 0, hi = data.n - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (col.off[mid] < pos) { lo = mid; } else { hi = mid - 1; } }
    return lo;
  }
  function hits(col, q, exact, out) {  // nodes whose line is q (exact) or contains q
    var needle = exact ? "\n" + q + "\n" : q, p = col.t.indexOf(needle);
    while (p >= 0) {
      var i = lineOf(col, exact ? p + 1 : p);
      if (exact || col.t.indexOf("\n", p) >= p + q.length) { out.push(i); }
      p = col.t.indexOf(needle, exact ? p + 1 : Math.max(col.off[i + 1], p + 1));
    }
    return out;
  }
  function indexOf(id) { var found = hits(IX.ids, id, true, []); return found.length ? found[0] : -1; }
  function docsOf(i) {
    var out = [];
    for (var p = IX.dstart[i]; p < IX.dstart[i + 1]; p++) { out.push(data.docs[IX.dl[p]].id); }
    return out;
  }
  function hasDoc(i, di) {
    for (var p = IX.dstart[i]; p < IX.dstart[i + 1]; p++) { if (IX.dl[p] === di) { return true; } }
    return false;
  }
  var docFilterIndex = -1;
  function inDocIndex(i) { return !docFilter || hasDoc(i, docFilterIndex); }
  function findIndex(raw) {
    // exact id or name first (the most connected of several), else a part of a name; Chinese names are
    // compared as they are, English ones in lower case (built on the first Latin-letter search)
    var ix = IX, best = -1, q = raw.trim(), lower = q.toLowerCase(), latin = /[a-z]/i.test(q);
    if (!q || q.indexOf("\n") >= 0) { return -1; }
    if (latin && !ix.enl) { ix.enl = {t: ix.en.t.toLowerCase(), off: ix.en.off}; }
    function pick(list, tie) {
      list.forEach(function (i) {
        if (best < 0 || ix.deg[i] > ix.deg[best] || tie && ix.deg[i] === ix.deg[best] && at(ix.zh, i) < at(ix.zh, best)) { best = i; }
      });
    }
    var exact = hits(ix.zh, q, true, hits(ix.ids, q, true, []));
    if (latin) { hits(ix.enl, lower, true, hits(ix.ids, lower, true, exact)); }
    pick(exact, false);
    if (best >= 0) { return best; }
    var part = hits(ix.zh, q, false, []);
    if (latin) { hits(ix.enl, lower, false, part); }
    pick(part, true);
    return best;
  }
  function indexNode(i) {
    var c = data.classes[IX.cls[i]];
    return {i: i, id: at(IX.ids, i), zh: at(IX.zh, i), en: at(IX.en, i), cls: c.cls, deg: IX.deg[i], docs: docsOf(i),
            facts: [], figures: [], quotes: []};
  }
  function indexRelations(i) {
    var out = [], ix = IX;
    for (var p = ix.start[i]; p < ix.start[i + 1] && out.length < MAX_RELATIONS; p++) {
      var k = ix.inc[p], j = ix.src[k] === i ? ix.dst[k] : ix.src[k], l = data.labels[ix.lab[k]];
      out.push({out: ix.src[k] === i, zh: l[0], en: l[1], other: at(ix.ids, j), otherName: at(ix.zh, j), j: j, quotes: []});
    }
    return out;
  }
  function subgraph(list, more, levels) {
    // nodes of the index (list of indices) and every edge between them, laid out by d3-force
    var pos = new Map(), ns = [], es = [], links = [];
    list.forEach(function (i, k) { pos.set(i, k); var n = indexNode(i); if (more && more[i]) { n.more = more[i]; } ns.push(n); });
    list.forEach(function (i) {
      for (var p = IX.start[i]; p < IX.start[i + 1]; p++) {
        var k = IX.inc[p];
        if (IX.src[k] !== i || !pos.has(IX.dst[k])) { continue; }
        var l = data.labels[IX.lab[k]];
        es.push({s: ns[pos.get(i)].id, t: ns[pos.get(IX.dst[k])].id, zh: l[0], en: l[1], quotes: []});
        links.push({source: pos.get(i), target: pos.get(IX.dst[k])});
      }
    });
    if (es.length > MAX_EDGES) {  // a hub's neighbourhood: the edges of the first node first, then in order
      var keep = [], rest = [];
      es.forEach(function (e, k) { (e.s === ns[0].id || e.t === ns[0].id ? keep : rest).push(k); });
      keep = keep.concat(rest).slice(0, MAX_EDGES).sort(function (a, b) { return a - b; });
      es = keep.map(function (k) { return es[k]; });
      links = keep.map(function (k) { return links[k]; });
    }
    // start from rings around the first node (by distance from it), so that a few ticks settle the layout
    var ring = levels || {}, counts = {}, seen = {};
    ns.forEach(function (n) { var l = ring[n.i] || (n === ns[0] ? 0 : 1); counts[l] = (counts[l] || 0) + 1; });
    ns.forEach(function (n, k) {
      var l = ring[n.i] !== undefined ? ring[n.i] : (k === 0 ? 0 : 1), j = seen[l] = (seen[l] || 0) + 1;
      var a = 2 * Math.PI * j / counts[l] + l * 0.7, r = l * (90 + 6 * Math.sqrt(counts[l]));
      n.x = r * Math.cos(a); n.y = r * Math.sin(a);
    });
    ns[0].fx = 0; ns[0].fy = 0;  // the focus in the middle
    var sim = d3.forceSimulation(ns).force("link", d3.forceLink(links).distance(70).strength(0.3))
      .force("charge", d3.forceManyBody().strength(-140).distanceMax(500).theta(1.2)).stop();
    sim.tick(ns.length > 120 ? 50 : 100);
    ns.forEach(function (n) { n.x = Math.round(n.x * 10) / 10; n.y = Math.round(n.y * 10) / 10; });
    return {nodes: ns, edges: es};
  }
  function focusIndex(c, d) {
    var t0 = performance.now(), ix = IX;
    var level = new Map(), order = [c], frontier = [c], more = {}, levels = {};
    level.set(c, 0);
    for (var k = 1; k <= d; k++) {
      var next = [];
      for (var f = 0; f < frontier.length; f++) {
        var v = frontier[f], cand = [], seen = new Set();
        for (var p = ix.start[v]; p < ix.start[v + 1]; p++) {
          var e = ix.inc[p], w = ix.src[e] === v ? ix.dst[e] : ix.src[e];
          if (!level.has(w) && !seen.has(w) && inDocIndex(w)) { seen.add(w); cand.push(w); }
        }
        if (cand.length > PER_NODE) {  // a hub: its most connected neighbours, and how many more there are
          cand.sort(function (a, b) { return ix.deg[b] - ix.deg[a] || a - b; });
          more[v] = cand.length - PER_NODE;
          cand.length = PER_NODE;
        }
        for (var j = 0; j < cand.length; j++) {
          if (order.length >= MAX_NODES) { more[v] = (more[v] || 0) + cand.length - j; break; }
          level.set(cand[j], k); order.push(cand[j]); next.push(cand[j]); levels[cand[j]] = k;
        }
      }
      frontier = next;
    }
    var t1 = performance.now();
    var g = subgraph(order, more, levels);
    var t2 = performance.now();
    visible = null; focused = at(ix.ids, c); view0 = "";
    draw(g.nodes, g.edges);
    var t3 = performance.now();
    select(focused);
    fit();
    body.dataset.focusMs = (performance.now() - t0).toFixed(1);
    body.dataset.focusSteps = [t1 - t0, t2 - t1, t3 - t2, performance.now() - t3].map(function (x) { return x.toFixed(0); }).join(" ");
  }
  function showDocument(doc) {
    var di = -1;
    data.docs.forEach(function (d, k) { if (d.id === doc) { di = k; } });
    if (di < 0) { status("未找到 not found: " + doc); return; }
    var list = [];
    for (var i = 0; i < IX.n; i++) { if (hasDoc(i, di)) { list.push(i); } }
    list.sort(function (a, b) { return IX.deg[b] - IX.deg[a] || a - b; });
    if (list.length > MAX_NODES) { list.length = MAX_NODES; }
    var g = subgraph(list, null);
    visible = null; focused = ""; view0 = "文件 document " + doc;
    draw(g.nodes, g.edges);
    apply(); fit();
  }
  function members(info, n) {
    var ci = -1;
    data.classes.forEach(function (c, k) { if (c.cls === n.cls) { ci = k; } });
    var top = [];
    for (var i = 0; i < IX.n; i++) {
      if (IX.cls[i] !== ci) { continue; }
      top.push(i);
      if (top.length > 400) { top.sort(function (a, b) { return IX.deg[b] - IX.deg[a] || a - b; }); top.length = 30; }
    }
    top.sort(function (a, b) { return IX.deg[b] - IX.deg[a] || a - b; });
    h("h2", info, "连接最多 Most connected");
    var ul = h("ul", info);
    top.slice(0, 30).forEach(function (i) {
      var li = h("li", ul);
      link(li, at(IX.zh, i), function () { focusIndex(i, depth()); });
      h("span", li, " (" + IX.deg[i] + ")", "count");
    });
  }
  function overview(kind) {
    var o = data.overviews[kind] || data.overviews["class"];
    var ns = o.nodes.map(function (n) { var m = {}; for (var k in n) { m[k] = n[k]; } m.deg = Math.min(n.count, 40); return m; });
    visible = null; focused = "";
    view0 = kind === "doc" ? "概览 overview: 文件 documents" : kind === "place" ? "概览 overview: 地点 places (按文件数 by documents)" : "概览 overview: 类别 classes";
    draw(ns, o.edges.map(function (e) { return {s: e.s, t: e.t, zh: e.zh, en: e.en, quotes: []}; }));
    apply(); fit();
  }

  // ---------------------------------------------------------------- search box
  var names = document.getElementById("names");
  var searchBox = document.getElementById("search");
  if (!INDEX) {
    data.nodes.forEach(function (n) { var o = h("option", names); o.value = n.zh; });
  } else {
    var pending = 0;
    searchBox.addEventListener("input", function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        var q = searchBox.value.trim();
        names.textContent = "";
        if (!q || !IX) { return; }
        hits(IX.zh, q, false, []).slice(0, 200).filter(function (i) { return at(IX.zh, i).indexOf(q) === 0; })
          .slice(0, 20).forEach(function (i) { var o = h("option", names); o.value = at(IX.zh, i); });
      }, 150);
    });
  }
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var t0 = performance.now();
    var id = find(searchBox.value);
    if (id) { focus(id, depth()); } else { status("未找到 not found"); }
    // time from pressing Focus until the next frame is painted (what a person waits for)
    requestAnimationFrame(function () { setTimeout(function () { body.dataset.paintedMs = (performance.now() - t0).toFixed(1); }, 0); });
  });
  document.getElementById("show-all").addEventListener("click", showAll);
  document.getElementById("edge-labels").addEventListener("change", function (ev) { body.classList.toggle("no-elabels", !ev.target.checked); });
  document.getElementById("overview").addEventListener("change", function (ev) { docFilter = ""; docSelect.value = ""; overview(ev.target.value); });

  // ---------------------------------------------------------------- pan and zoom
  var svg = document.getElementById("view"), scene = document.getElementById("scene");
  var view = {x: 0, y: 0, k: 1};
  function setView() { scene.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")"); }
  function fit() {
    var ids = nodes.filter(function (n) { return !nodeEls[n.id].classList.contains("hidden"); });
    if (!ids.length) { return; }
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    ids.forEach(function (n) { x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y); x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y); });
    var w = svg.clientWidth || 800, hgt = svg.clientHeight || 600, pad = 60;
    var k = Math.min((w - 2 * pad) / Math.max(x1 - x0, 1), (hgt - 2 * pad) / Math.max(y1 - y0, 1), 1.6);
    view.k = k; view.x = w / 2 - k * (x0 + x1) / 2; view.y = hgt / 2 - k * (y0 + y1) / 2;
    setView();
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = svg.getBoundingClientRect(), mx = ev.clientX - r.left, my = ev.clientY - r.top;
    var f = Math.exp(-ev.deltaY * 0.0015), k = Math.max(0.05, Math.min(view.k * f, 20));
    view.x = mx - (mx - view.x) * k / view.k; view.y = my - (my - view.y) * k / view.k; view.k = k;
    setView();
  }, {passive: false});
  var drag = null;
  svg.addEventListener("mousedown", function (ev) { drag = {x: ev.clientX - view.x, y: ev.clientY - view.y}; svg.classList.add("dragging"); });
  window.addEventListener("mousemove", function (ev) { if (drag) { view.x = ev.clientX - drag.x; view.y = ev.clientY - drag.y; setView(); } });
  window.addEventListener("mouseup", function () { drag = null; svg.classList.remove("dragging"); });
  window.addEventListener("resize", fit);

  // ---------------------------------------------------------------- start: URL parameters, then the CLI's focus
  var params = new URLSearchParams(location.search || location.hash.replace(/^#/, "?"));
  function start() {
    var d0 = parseInt(params.get("depth") || data.depth || 1, 10);
    if (d0 >= 1 && d0 <= 3) { document.getElementById("depth").value = String(d0); }
    var q = params.get("search") || params.get("focus");
    var doc = params.get("doc") || "";
    if (doc) { docFilter = doc; docSelect.value = doc; data.docs.forEach(function (d, k) { if (d.id === doc) { docFilterIndex = k; } }); }
    if (INDEX) {
      document.getElementById("overview-by").hidden = false;
      var place = data.overviews.place && data.overviews.place.nodes.length;
      if (!place) { document.querySelector("#overview option[value=place]").remove(); }
      var ov = params.get("overview") === "doc" || params.get("overview") === "place" && place ? params.get("overview") : "class";
      document.getElementById("overview").value = ov;
      if (doc && !q) { showDocument(doc); } else { overview(ov); }
    } else {
      draw(data.nodes, data.edges);
      apply();
      fit();
    }
    if (q) {
      searchBox.value = q;
      var id = find(q);
      if (id) { focus(id, depth()); } else { status("未找到 not found: " + q); }
    } else if (data.focus) {
      focus(data.focus, data.depth || 1);
    }
    if (params.get("select") && find(params.get("select"))) {
      var s = find(params.get("select"));
      if (!byId[s]) { focus(s, depth()); }
      select(s);
    }
    body.dataset.readyMs = performance.now().toFixed(1);
    body.dataset.ready = "1";
  }
  if (INDEX) {
    status("载入索引 loading the index…");
    loadIndex().then(start).catch(function (e) { countError(); status("索引载入失败 index failed to load: " + e); });
  } else {
    start();
  }
})();
