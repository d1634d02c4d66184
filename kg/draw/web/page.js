"use strict";
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
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = {}, adj = {}, nodeEls = {}, hiddenClasses = {}, colors = {};
  var visible = null, focused = "", selected = "";
  data.classes.forEach(function (c) { colors[c.cls] = c.color; });
  data.nodes.forEach(function (n) { byId[n.id] = n; adj[n.id] = []; });
  data.edges.forEach(function (e, i) { adj[e.s].push(i); adj[e.t].push(i); });

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
  function classOf(cls) { for (var i = 0; i < data.classes.length; i++) { if (data.classes[i].cls === cls) { return data.classes[i]; } } return {zh: "", en: cls}; }
  function radius(n) { return 5 + Math.min(Math.sqrt(n.deg) * 2.2, 12); }

  // ---------------------------------------------------------------- drawing
  var gEdges = document.getElementById("edges"), gLabels = document.getElementById("elabels"), gNodes = document.getElementById("nodes");
  var seenPairs = {};
  var edgeEls = data.edges.map(function (e) {
    var a = byId[e.s], b = byId[e.t];
    var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
    var ra = radius(a) + 1, rb = radius(b) + 3;
    var line = el("line", {"class": "edge", x1: a.x + dx / len * ra, y1: a.y + dy / len * ra,
                           x2: b.x - dx / len * rb, y2: b.y - dy / len * rb, "marker-end": "url(#arrow)"}, gEdges);
    el("title", {}, line, a.zh + " → " + (e.zh + (e.en ? " " + e.en : "")) + " → " + b.zh);
    var pair = e.s < e.t ? e.s + "\u0000" + e.t : e.t + "\u0000" + e.s;
    var nth = seenPairs[pair] = (seenPairs[pair] || 0) + 1;  // parallel edges: labels one under the other
    var label = el("text", {"class": "elabel", x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 2 + (nth - 1) * 9}, gLabels, e.zh || e.en);
    return {line: line, label: label};
  });
  data.nodes.forEach(function (n) {
    var g = el("g", {"class": "node", "data-id": n.id, "data-cls": n.cls, transform: "translate(" + n.x + "," + n.y + ")"}, gNodes);
    el("circle", {r: radius(n), fill: colors[n.cls] || "#999"}, g);
    el("text", {x: 0, y: -radius(n) - 3, "text-anchor": "middle"}, g, n.zh.length > 16 ? n.zh.slice(0, 15) + "…" : n.zh);
    g.addEventListener("mouseenter", function (ev) { tip(ev, n); });
    g.addEventListener("mousemove", function (ev) { tip(ev, n); });
    g.addEventListener("mouseleave", function () { document.getElementById("tip").hidden = true; });
    g.addEventListener("click", function (ev) { ev.stopPropagation(); select(n.id); });
    g.addEventListener("dblclick", function (ev) { ev.stopPropagation(); focus(n.id, depth()); });
    nodeEls[n.id] = g;
  });

  function tip(ev, n) {
    var t = document.getElementById("tip");
    var c = classOf(n.cls);
    t.textContent = name(n) + " — " + (c.zh ? c.zh + " " : "") + c.en + (n.figures.length ? " · " + n.figures[0] : "") +
      (n.quotes.length ? "\n「" + n.quotes[0] + "」" : "");
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

  function apply() {
    var shown = 0;
    data.nodes.forEach(function (n) {
      var on = !hiddenClasses[n.cls] && (!visible || visible[n.id] !== undefined);
      nodeEls[n.id].classList.toggle("hidden", !on);
      nodeEls[n.id].classList.toggle("focus", n.id === focused);
      nodeEls[n.id].classList.toggle("sel", n.id === selected);
      if (on) { shown += 1; }
    });
    data.edges.forEach(function (e, i) {
      var on = !nodeEls[e.s].classList.contains("hidden") && !nodeEls[e.t].classList.contains("hidden");
      edgeEls[i].line.classList.toggle("hidden", !on);
      edgeEls[i].label.classList.toggle("hidden", !on);
      edgeEls[i].line.classList.toggle("hi", on && (e.s === selected || e.t === selected));
    });
    body.dataset.rendered = String(shown);
    body.dataset.focused = focused;
    document.getElementById("status").textContent = shown + " / " + data.nodes.length + " 节点 nodes" +
      (focused ? " · 聚焦 focus: " + byId[focused].zh : "");
  }

  // ---------------------------------------------------------------- details panel
  function select(id) {
    selected = id;
    var n = byId[id], c = classOf(n.cls);
    var info = document.getElementById("info");
    info.textContent = "";
    h("h2", info, name(n));
    h("p", info, (c.zh ? c.zh + " " : "") + c.en + " · " + n.id, "hint");
    var dl = h("dl", info);
    n.facts.forEach(function (f) { h("dt", dl, f[0]); h("dd", dl, f[1]); });
    if (n.figures.length) { h("h2", info, "数据 Figures"); var fl = h("ul", info); n.figures.forEach(function (f) { h("li", fl, f); }); }
    if (adj[id].length) {
      h("h2", info, "关系 Relations");
      var ul = h("ul", info);
      adj[id].forEach(function (i) {
        var e = data.edges[i], other = byId[e.s === id ? e.t : e.s];
        var li = h("li", ul);
        h("span", li, (e.s === id ? "→ " : "← ") + e.zh + (e.en ? " " + e.en : "") + " ");
        var a = h("a", li, other.zh); a.addEventListener("click", function () { select(other.id); });
        e.quotes.forEach(function (q) { h("blockquote", li, q); });
      });
    }
    h("h2", info, "原文引文 Source quotes");
    if (!n.quotes.length) { h("p", info, "（词表概念，无原文引文 vocabulary concept, no quote）", "hint"); }
    n.quotes.forEach(function (q) { h("blockquote", info, q); });
    var b = h("button", info, "聚焦此节点 Focus on this node"); b.type = "button";
    b.addEventListener("click", function () { focus(id, depth()); });
    apply();
  }

  // ---------------------------------------------------------------- focus and search
  function depth() { return parseInt(document.getElementById("depth").value, 10) || 1; }
  function focus(id, d) {
    if (!byId[id]) { return; }
    visible = {}; visible[id] = 0;
    var frontier = [id];
    for (var k = 1; k <= d; k++) {
      var next = [];
      frontier.forEach(function (v) {
        adj[v].forEach(function (i) {
          var e = data.edges[i], w = e.s === v ? e.t : e.s;
          if (visible[w] === undefined) { visible[w] = k; next.push(w); }
        });
      });
      frontier = next;
    }
    focused = id;
    select(id);
    fit();
  }
  function showAll() { visible = null; focused = ""; apply(); fit(); }
  function find(q) {
    q = (q || "").trim().toLowerCase();
    if (!q) { return ""; }
    var exact = data.nodes.filter(function (n) { return [n.id, n.zh, n.en].some(function (s) { return (s || "").toLowerCase() === q; }); });
    if (exact.length) { return exact[0].id; }
    var part = data.nodes.filter(function (n) { return (n.zh + " " + n.en).toLowerCase().indexOf(q) >= 0; });
    part.sort(function (a, b) { return b.deg - a.deg || (a.zh < b.zh ? -1 : 1); });
    return part.length ? part[0].id : "";
  }
  var names = document.getElementById("names");
  data.nodes.forEach(function (n) { var o = h("option", names); o.value = n.zh; });
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var id = find(document.getElementById("search").value);
    if (id) { focus(id, depth()); } else { document.getElementById("status").textContent = "未找到 not found"; }
  });
  document.getElementById("show-all").addEventListener("click", showAll);
  document.getElementById("edge-labels").addEventListener("change", function (ev) { body.classList.toggle("no-elabels", !ev.target.checked); });

  // ---------------------------------------------------------------- pan and zoom
  var svg = document.getElementById("view"), scene = document.getElementById("scene");
  var view = {x: 0, y: 0, k: 1};
  function setView() { scene.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")"); }
  function fit() {
    var ids = data.nodes.filter(function (n) { return !nodeEls[n.id].classList.contains("hidden"); });
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
  var d0 = parseInt(params.get("depth") || data.depth || 1, 10);
  if (d0 >= 1 && d0 <= 3) { document.getElementById("depth").value = String(d0); }
  var q = params.get("search") || params.get("focus");
  apply();
  fit();
  if (q) {
    document.getElementById("search").value = q;
    var id = find(q);
    if (id) { focus(id, depth()); } else { document.getElementById("status").textContent = "未找到 not found: " + q; }
  } else if (data.focus) {
    focus(data.focus, data.depth || 1);
  }
  if (params.get("select") && find(params.get("select"))) { select(find(params.get("select"))); }
  body.dataset.ready = "1";
})();
