/* The review page of `translit serve`: editors for the versions (or a draft), a check a moment after
   the editor stops typing, fixes applied by the service, the corrected files downloaded. */
"use strict";
(function () {
  var LANGS = ["en", "kk", "ru"];
  var DELAY_MS = 600;
  var LANG_TAG = /^(.+?)[._-](en|eng|kk|kz|kaz|qaz|ru|rus)$/i;
  var ALIASES = { en: "en", eng: "en", kk: "kk", kz: "kk", kaz: "kk", qaz: "kk", ru: "ru", rus: "ru" };
  var names = {};          /* language -> the uploaded file's name */
  var changed = false;     /* a fix was applied since the files were loaded */
  var timer = null, sequence = 0, pending = null;
  var note = "";           /* said after each check: what making the versions left for a translator */
  var status = document.getElementById("status");
  var view = new TranslitReview.View(document.getElementById("review"), { apply: applyOne, applyAll: applyKind });
  TranslitReview.shortcuts(function () { return view; });

  function box(lang) { return document.getElementById("text-" + lang); }
  function say(text, bad) { status.textContent = text; status.className = "status" + (bad ? " bad" : ""); }

  function request() {
    var versions = {}, paths = {};
    LANGS.forEach(function (lang) {
      if (box(lang).value.trim()) {
        versions[lang] = box(lang).value;
        if (names[lang]) paths[lang] = names[lang];
      }
    });
    return { versions: versions, paths: paths };
  }

  function call(route, body) {
    if (pending) pending.abort();
    pending = typeof AbortController === "function" ? new AbortController() : null;
    var mine = ++sequence;
    return fetch("/api/" + route, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      signal: pending ? pending.signal : undefined,
    }).then(function (response) {
      return response.json().then(function (data) {
        if (mine !== sequence) throw { stale: true };
        if (!response.ok) throw { message: data.error || response.statusText };
        return data;
      });
    });
  }

  function failed(error) {
    if (error && (error.stale || error.name === "AbortError")) return;
    say((error && error.message) || String(error), true);
  }

  function show(result, applied) {
    view.update(result.review, applied);
    var s = result.check.summary;
    var plural = TranslitReview.plural;
    say("Checked: " + plural(s.error, "error") + ", " + plural(s.warning, "warning") + ", " + s.info + " info" +
      (applied && applied.length ? "; " + plural(applied.length, "fix", "fixes") + " applied" : "") + "." + note);
    document.getElementById("download").disabled = false;
  }

  function check() {
    clearTimeout(timer);
    var body = request();
    if (!Object.keys(body.versions).length) { say("Paste or upload the versions of a post."); return; }
    say("Checking…");
    call("review", body).then(function (result) { show(result, []); }).catch(failed);
  }

  function later() { clearTimeout(timer); timer = setTimeout(check, DELAY_MS); }

  function fix(extra) {
    var body = request();
    Object.keys(extra).forEach(function (key) { body[key] = extra[key]; });
    say("Applying…");
    call("fix", body).then(function (result) {
      LANGS.forEach(function (lang) { if (lang in result.versions) box(lang).value = result.versions[lang]; });
      changed = true;
      show(result, result.applied);
    }).catch(failed);
  }

  function applyOne(f) { fix({ select: [{ version: f.version, offset: f.offset, length: f.length, id: f.id }] }); }
  function applyKind(id) { fix({ ids: [id] }); }

  /* post.en.md -> post.en.fixed.md (as check --fix names them); a pasted version -> post.en.txt */
  function downloadName(lang) {
    var name = names[lang];
    if (!name) return "post." + lang + ".txt";
    if (!changed) return name;
    var dot = name.lastIndexOf(".");
    return dot > 0 ? name.slice(0, dot) + ".fixed" + name.slice(dot) : name + ".fixed";
  }

  function download() {
    LANGS.forEach(function (lang) {
      var text = box(lang).value;
      if (!text.trim()) return;
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
      link.download = downloadName(lang);
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    });
  }

  function languageOf(fileName) {
    var stem = fileName.replace(/\.(md|markdown|txt|html?|text)$/i, "");
    var found = LANG_TAG.exec(stem);
    return found ? ALIASES[found[2].toLowerCase()] : null;
  }

  document.getElementById("files").addEventListener("change", function (event) {
    var files = Array.prototype.slice.call(event.target.files);
    var unknown = files.filter(function (file) { return !languageOf(file.name); }).map(function (file) { return file.name; });
    if (unknown.length) { say("Cannot tell the language of " + unknown.join(", ") + ": name the files like post.kk.md.", true); return; }
    Promise.all(files.map(function (file) { return file.text(); })).then(function (texts) {
      files.forEach(function (file, n) { var lang = languageOf(file.name); box(lang).value = texts[n]; names[lang] = file.name; });
      changed = false;
      note = "";
      check();
    });
  });

  document.getElementById("draft-file").addEventListener("change", function (event) {
    var file = event.target.files[0];
    if (file) file.text().then(function (text) { document.getElementById("draft").value = text; names.draft = file.name; });
  });

  document.getElementById("make").addEventListener("click", function () {
    var draft = document.getElementById("draft").value;
    if (!draft.trim()) { say("The draft is empty.", true); return; }
    say("Making the versions…");
    call("post", { draft: draft }).then(function (result) {
      LANGS.forEach(function (lang) { box(lang).value = result.versions[lang] || ""; names[lang] = null; });
      var left = Object.keys(result.report.no_route || {});
      note = left.length ? " No translation model for " + left.join(", ") + ": the prose is marked for a translator." : "";
      setMode("versions");
      check();
    }).catch(failed);
  });

  function setMode(mode) {
    document.querySelector('input[name="mode"][value="' + mode + '"]').checked = true;
    document.getElementById("versions-input").hidden = mode !== "versions";
    document.getElementById("draft-input").hidden = mode !== "draft";
  }
  Array.prototype.forEach.call(document.querySelectorAll('input[name="mode"]'), function (radio) {
    radio.addEventListener("change", function () { setMode(radio.value); });
  });

  LANGS.forEach(function (lang) {
    box(lang).addEventListener("input", later);
    box(lang).addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); check(); }
    });
  });
  document.getElementById("download").addEventListener("click", download);

  var help = document.getElementById("help"), toggle = document.getElementById("help-toggle");
  function showHelp(open) { help.hidden = !open; toggle.setAttribute("aria-expanded", String(open)); }
  toggle.addEventListener("click", function () { showHelp(help.hidden); });
  document.addEventListener("keydown", function (event) {
    var typing = event.target && (event.target.tagName === "TEXTAREA" || event.target.tagName === "INPUT");
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") { event.preventDefault(); download(); }
    else if (!typing && event.key === "?") { showHelp(help.hidden); }
    else if (event.key === "Escape") { showHelp(false); }
  });
})();
