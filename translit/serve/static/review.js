/* translit review: draws a post's versions side by side (rows aligned by translit's align_blocks),
   every finding highlighted in place, a filterable list of findings beside them.
   Used by the page `translit serve` shows and inlined in `translit check --output-format html`.
   Text goes into the page through textContent only; offsets count code points, as translit does. */
"use strict";
var TranslitReview = (function () {
  var SEVERITIES = ["error", "warning", "info"];
  var RANK = { error: 2, warning: 1, info: 0 };
  var LANG_NAMES = { en: "English", kk: "Kazakh", ru: "Russian" };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* a replacement as the editor should read it: text in quotes; spaces and nothing in words */
  function describeFix(fix) {
    if (fix === "") return "remove it";
    if (fix === " ") return "one space";
    if (!fix.trim()) return JSON.stringify(fix);
    return el("q", { text: fix });
  }

  function family(id) { return id.split(".")[0]; }
  function plural(n, word, many) { return n + " " + (n === 1 ? word : many || word + "s"); }

  /* One post's view. options: {apply(finding), applyAll(id), editable} — without apply the view only reads. */
  function View(root, options) {
    this.root = root;
    this.options = options || {};
    this.data = null;
    this.changes = [];
    this.hidden = { severity: {}, family: {} };
    this.selected = -1;
    this.chars = {};
  }

  View.prototype.update = function (data, changes) {
    this.data = data;
    this.changes = changes || [];
    this.chars = {};
    var self = this;
    data.langs.forEach(function (lang) { self.chars[lang] = Array.from(data.versions[lang].text); });
    /* the same finding stays selected after a check (found by its fingerprint), another one does not */
    var was = this.selectedFinding;
    this.selected = was ? data.findings.findIndex(function (f) { return f.fingerprint === was.fingerprint && f.id === was.id && f.version === was.version; }) : -1;
    this.render();
  };

  View.prototype.visible = function (finding) {
    return !this.hidden.severity[finding.severity] && !this.hidden.family[family(finding.id)];
  };

  View.prototype.shown = function () {
    var self = this;
    return this.data.findings.map(function (f, i) { return i; }).filter(function (i) { return self.visible(self.data.findings[i]); });
  };

  View.prototype.render = function () {
    var data = this.data;
    this.root.textContent = "";
    this.root.appendChild(this.renderToolbar());
    if (data.error) this.root.appendChild(el("p", { className: "notice", role: "alert", text: data.error }));
    if (this.changes.length) this.root.appendChild(this.renderChanges());
    var layout = el("div", { className: "layout" }, [this.renderColumns(), this.renderList()]);
    this.root.appendChild(layout);
    if (this.selected >= 0) this.markSelected(false);
  };

  View.prototype.renderToolbar = function () {
    var self = this;
    var counts = {}, families = {};
    this.data.findings.forEach(function (f) {
      counts[f.severity] = (counts[f.severity] || 0) + 1;
      families[family(f.id)] = (families[family(f.id)] || 0) + 1;
    });
    function box(kind, value, label) {
      var id = "filter-" + kind + "-" + value + "-" + (self.options.key || "0");
      var input = el("input", { type: "checkbox", id: id, "data-filter": kind, value: value, checked: !self.hidden[kind][value] });
      input.addEventListener("change", function () { self.hidden[kind][value] = !input.checked; self.render(); });
      return el("label", { for: id }, [input, " " + label]);
    }
    var severity = el("fieldset", {}, [el("legend", { text: "Severity" })].concat(
      SEVERITIES.map(function (s) { return box("severity", s, s + " (" + (counts[s] || 0) + ")"); })));
    var names = Object.keys(families).sort();
    var families_ = el("fieldset", {}, [el("legend", { text: "Family" })].concat(
      names.length ? names.map(function (name) { return box("family", name, name + " (" + families[name] + ")"); })
        : [el("span", { className: "status", text: "none" })]));
    var summary = el("span", { className: "status", role: "status" , text:
      plural(counts.error || 0, "error") + ", " + plural(counts.warning || 0, "warning") + ", " + (counts.info || 0) + " info" +
      (this.data.suppressed ? " (" + this.data.suppressed + " accepted by ignore markers)" : "") });
    return el("div", { className: "toolbar" }, [severity, families_, summary]);
  };

  View.prototype.renderChanges = function () {
    var items = this.changes.map(function (c) {
      return el("li", {}, [c.version + " " + c.line + ":" + c.column + " ", el("del", { text: c.text }), " → ", el("ins", { className: "applied", text: c.fix }), " ", el("code", { text: c.id })]);
    });
    return el("div", { className: "changes", role: "status" }, [el("strong", { text: plural(this.changes.length, "fix", "fixes") + " applied" }), el("ul", {}, items)]);
  };

  View.prototype.renderColumns = function () {
    var self = this, data = this.data;
    var byBlock = {};
    data.findings.forEach(function (f, i) {
      if (f.block === null || !self.visible(f)) return;
      var key = f.version + ":" + f.block;
      (byBlock[key] = byBlock[key] || []).push(i);
    });
    var head = el("tr", {}, data.langs.map(function (lang) {
      var path = data.versions[lang].path;
      return el("th", { scope: "col", lang: "en" }, [LANG_NAMES[lang] + " (" + lang + ")", path && path.charAt(0) !== "<" ? el("span", { className: "path", text: path }) : null]);
    }));
    var rows = data.rows.map(function (row, r) {
      var unsure = row.confidence < 0.5;
      var cells = data.langs.map(function (lang, column) {
        var indices = row.blocks[lang] || [];
        if (!indices.length) return el("td", { className: "empty", "data-lang": lang, text: "no " + LANG_NAMES[lang] + " counterpart" });
        var td = el("td", { lang: lang, "data-lang": lang });
        indices.forEach(function (b) { td.appendChild(self.renderBlock(lang, b, byBlock[lang + ":" + b] || [])); });
        if (unsure && column === 0) td.appendChild(el("span", { className: "rowinfo", text: "alignment unsure (" + row.confidence.toFixed(2) + ")" }));
        return td;
      });
      return el("tr", { className: unsure ? "unsure" : null, "data-row": String(r) }, cells);
    });
    return el("table", { className: "columns", "aria-label": "The versions side by side, paragraph by paragraph" }, [
      el("thead", {}, [head]), el("tbody", {}, rows)]);
  };

  /* A block's text with the findings in it as <mark> and applied fixes as <ins>. */
  View.prototype.renderBlock = function (lang, index, findingIndices) {
    var self = this, data = this.data;
    var block = data.versions[lang].blocks[index];
    var chars = this.chars[lang];
    var start = block[0], end = block[1];
    var ranges = findingIndices.map(function (i) {
      var f = data.findings[i];
      return { i: i, from: Math.max(start, Math.min(end, f.offset)), to: Math.max(start, Math.min(end, f.offset + f.length)) };
    });
    var applied = this.changes.filter(function (c) { return c.version === lang && c.new_offset < end && c.new_offset + c.new_length > start; })
      .map(function (c) { return { from: Math.max(start, c.new_offset), to: Math.min(end, c.new_offset + c.new_length) }; });
    var cuts = [start, end];
    ranges.forEach(function (r) { cuts.push(r.from, r.to); });
    applied.forEach(function (r) { cuts.push(r.from, r.to); });
    cuts = cuts.filter(function (v, i, all) { return all.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    var div = el("div", { className: "block kind-" + block[2], "data-block": String(index) });
    cuts.forEach(function (from, k) {
      ranges.forEach(function (r) { if (r.from === r.to && r.from === from) div.appendChild(self.mark(r.i, "‸", true)); });
      if (k === cuts.length - 1) return;
      var to = cuts[k + 1];
      var text = chars.slice(from, to).join("");
      var covering = ranges.filter(function (r) { return r.from <= from && r.to >= to && r.from < r.to; });
      var changed = applied.some(function (r) { return r.from <= from && r.to >= to; });
      if (covering.length) {
        covering.sort(function (a, b) { return RANK[data.findings[b.i].severity] - RANK[data.findings[a.i].severity]; });
        var node = self.mark(covering[0].i, text, false);
        if (changed) node.classList.add("applied");
        div.appendChild(node);
      } else if (changed) {
        div.appendChild(el("ins", { className: "applied", text: text }));
      } else {
        div.appendChild(document.createTextNode(text));
      }
    });
    return div;
  };

  View.prototype.mark = function (i, text, point) {
    var self = this, f = this.data.findings[i];
    var node = el("mark", {
      className: "finding sev-" + f.severity + (point ? " point" : ""), tabindex: "0", "data-finding": String(i),
      title: f.severity + ": " + f.message, "aria-label": f.severity + " " + f.id + ": " + f.message + (point ? " (something is missing here)" : ""),
    }, [text]);
    node.addEventListener("click", function () { self.select(i, false); });
    node.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); self.select(i, false); }
    });
    return node;
  };

  View.prototype.renderList = function () {
    var self = this, data = this.data;
    var shown = this.shown();
    var fixableOf = {};
    data.findings.forEach(function (f) { if (f.fixable && f.fix !== null) fixableOf[f.id] = (fixableOf[f.id] || 0) + 1; });
    var items = shown.map(function (i) {
      var f = data.findings[i];
      var where = (LANG_NAMES[f.version] || f.version) + " " + f.line + ":" + f.column;
      var actions = [el("button", { type: "button", "data-action": "show", onclick: function () { self.select(i, true); } }, ["Show"])];
      if (self.options.apply && f.fix !== null) {
        actions.push(el("button", { type: "button", className: "primary", "data-action": "apply", "aria-label": "Apply this fix: " + (f.fix || "remove it"),
          onclick: function () { self.options.apply(f); } }, ["Apply"]));
        if (f.fixable && fixableOf[f.id] > 1) {
          actions.push(el("button", { type: "button", "data-action": "apply-all", onclick: function () { self.options.applyAll(f.id); } },
            ["Apply all " + fixableOf[f.id] + " " + f.id]));
        }
      }
      var fix = f.fix === null || f.fix === f.text ? null :
        el("p", { className: "fix" }, [(f.fixable ? "fix: " : "suggest: "), describeFix(f.fix)]);
      return el("li", { className: "sev-" + f.severity + (i === self.selected ? " selected" : ""), "data-finding": String(i) }, [
        el("span", { className: "sev", text: f.severity }), el("span", { className: "where", text: where }),
        el("p", { className: "message", text: f.message }), fix,
        el("code", { text: f.id }), el("div", { className: "actions" }, actions)]);
    });
    var list = items.length ? el("ol", {}, items) : el("p", { className: "none", text: data.findings.length ? "Every finding is filtered out." : "No findings." });
    return el("aside", { className: "findings", "aria-label": "Findings" }, [el("h2", { text: plural(shown.length, "finding") + " shown" }), list]);
  };

  /* Select finding i: highlight its mark and its list entry; focus the mark (or the list entry). */
  View.prototype.select = function (i, focusMark) {
    this.selected = i;
    this.selectedFinding = this.data.findings[i];
    this.markSelected(focusMark);
  };

  View.prototype.markSelected = function (focus) {
    var i = this.selected;
    Array.prototype.forEach.call(this.root.querySelectorAll(".selected"), function (node) { node.classList.remove("selected"); });
    var mark = this.root.querySelector('mark[data-finding="' + i + '"]');
    var item = this.root.querySelector('li[data-finding="' + i + '"]');
    if (mark) mark.classList.add("selected");
    if (item) { item.classList.add("selected"); if (item.scrollIntoView) item.scrollIntoView({ block: "nearest" }); }
    if (focus && mark) { mark.focus(); mark.scrollIntoView({ block: "center" }); }
  };

  View.prototype.step = function (delta) {
    var shown = this.shown();
    if (!shown.length) return;
    var at = shown.indexOf(this.selected);
    var next = at < 0 ? (delta > 0 ? 0 : shown.length - 1) : (at + delta + shown.length) % shown.length;
    this.select(shown[next], true);
  };

  View.prototype.toggleSeverity = function (severity) {
    this.hidden.severity[severity] = !this.hidden.severity[severity];
    this.render();
  };

  /* Shortcuts, when no text field has the keyboard: j/k next/previous finding, a apply its fix,
     A apply all of its kind, 1/2/3 show or hide errors/warnings/info. */
  function shortcuts(currentView) {
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT")) return;
      var view = currentView();
      if (!view || !view.data) return;
      var f = view.data.findings[view.selected];
      switch (event.key) {
        case "j": view.step(1); break;
        case "k": view.step(-1); break;
        case "a": if (f && f.fix !== null && view.options.apply) view.options.apply(f); else return; break;
        case "A": if (f && f.fixable && view.options.applyAll) view.options.applyAll(f.id); else return; break;
        case "1": view.toggleSeverity("error"); break;
        case "2": view.toggleSeverity("warning"); break;
        case "3": view.toggleSeverity("info"); break;
        default: return;
      }
      event.preventDefault();
    });
  }

  /* The HTML report: every post of the document, read-only. */
  function mountReport(root, documentData) {
    var views = [];
    documentData.posts.forEach(function (post, n) {
      var section = el("section", { className: "post", "aria-label": post.name });
      section.appendChild(el("h2", { text: post.name }));
      var body = el("div");
      section.appendChild(body);
      root.appendChild(section);
      var view = new View(body, { key: String(n) });
      view.update(post);
      views.push(view);
      section.addEventListener("focusin", function () { active = view; });
    });
    var active = views[0];
    shortcuts(function () { return active; });
    return views;
  }

  return { View: View, mountReport: mountReport, shortcuts: shortcuts, plural: plural };
})();
