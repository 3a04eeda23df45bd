// decide site: search and filters on the index, and a reload when `decide site --serve`
// rebuilt the site. Everything here works from file:// and makes no request elsewhere.
(function () {
  'use strict';

  // Served by `decide site --serve`: ask for the build number now and then, and reload
  // when it changes. On any other host the first answer is not ours, and asking stops.
  if (location.protocol === 'http:' || location.protocol === 'https:') {
    var root = document.documentElement.getAttribute('data-root') || '';
    var seen = null;
    var ask = function () {
      fetch(root + '__decide/build', { cache: 'no-store' })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (build) {
          if (seen !== null && build !== seen) { location.reload(); return; }
          seen = build;
          setTimeout(ask, 1000);
        })
        .catch(function () {});
    };
    ask();
  }

  var table = document.getElementById('records');
  var form = document.querySelector('form.filters');
  if (!table || !form) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  // What the filters read of each row, read once: attributes are slow to read per key.
  var facts = rows.map(function (row) {
    return {
      index: +row.getAttribute('data-i'),
      status: row.getAttribute('data-status'),
      door: row.getAttribute('data-door')
    };
  });
  var query = document.getElementById('q');
  var status = document.getElementById('status');
  var door = document.getElementById('door');
  var shown = document.getElementById('shown');
  form.hidden = false;

  // A browser lays a table out again for every row that comes or goes, which for
  // thousands of rows takes longer than a keystroke may. So the table lists at most
  // LISTED matches, and a button lists them all when asked.
  var LISTED = 200;
  var listAll = false;
  var more = document.createElement('button');
  more.type = 'button';
  more.className = 'more';
  more.hidden = true;
  table.parentNode.parentNode.insertBefore(more, table.parentNode.nextSibling);
  more.addEventListener('click', function () { listAll = true; apply(); more.blur(); });
  var listed = rows;

  // The words of a text as the index has them: runs of letters and digits, lower case.
  var words = function (text) {
    return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  };

  var decoded = [];
  var recordsOf = function (index, position) {
    var list = decoded[position];
    if (!list) {
      var gaps = index.records[position].split(' ');
      list = new Int32Array(gaps.length);
      var at = 0;
      for (var i = 0; i < gaps.length; i++) { at += +gaps[i]; list[i] = at; }
      decoded[position] = list;
    }
    return list;
  };

  // The first word at or after `word` in the sorted list.
  var lowerBound = function (list, word) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (list[mid] < word) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  };

  // Which records hold every word of the query, each as the start of a word; null when
  // the query has no words. Without the index (not loaded yet), titles are searched.
  var matching = function (text) {
    var wanted = words(text);
    if (wanted.length === 0) { return null; }
    var index = window.DECIDE_SEARCH;
    var result = null;
    for (var w = 0; w < wanted.length; w++) {
      var found = new Uint8Array(rows.length);
      if (index) {
        var word = wanted[w];
        for (var t = lowerBound(index.words, word); t < index.words.length && index.words[t].lastIndexOf(word, 0) === 0; t++) {
          var list = recordsOf(index, t);
          for (var r = 0; r < list.length; r++) { found[list[r]] = 1; }
        }
      } else {
        for (var i = 0; i < rows.length; i++) {
          if (rows[i].cells[1].textContent.toLowerCase().indexOf(wanted[w]) >= 0) { found[i] = 1; }
        }
      }
      if (result) {
        for (var k = 0; k < result.length; k++) { result[k] &= found[k]; }
      } else {
        result = found;
      }
    }
    return result;
  };

  var apply = function () {
    var found = matching(query.value);
    var wantStatus = status.value;
    var wantDoor = door.value;
    var keep = [];
    for (var i = 0; i < rows.length; i++) {
      var fact = facts[i];
      if ((!found || found[fact.index] === 1) &&
          (!wantStatus || fact.status === wantStatus) &&
          (!wantDoor || fact.door === wantDoor)) {
        keep.push(rows[i]);
      }
    }
    var list = listAll ? keep : keep.slice(0, LISTED);
    var same = list.length === listed.length;
    for (var k = 0; same && k < list.length; k++) { same = list[k] === listed[k]; }
    if (!same) {
      var fragment = document.createDocumentFragment();
      for (var j = 0; j < list.length; j++) { fragment.appendChild(list[j]); }
      body.textContent = '';
      body.appendChild(fragment);
      listed = list;
    }
    var all = !found && !wantStatus && !wantDoor;
    var noun = function (n) { return n === 1 ? 'decision' : 'decisions'; };
    var text = all
      ? 'Showing all ' + rows.length + ' ' + noun(rows.length) + '.'
      : 'Showing ' + keep.length + ' of ' + rows.length + ' ' + noun(rows.length) + '.';
    if (list.length < keep.length) { text += ' The first ' + list.length + ' are listed.'; }
    shown.textContent = text;
    more.hidden = list.length >= keep.length;
    more.textContent = 'List all ' + keep.length;
    // The filters are part of the address, so a filtered list can be shared.
    var params = [];
    if (query.value) { params.push('q=' + encodeURIComponent(query.value)); }
    if (wantStatus) { params.push('status=' + encodeURIComponent(wantStatus)); }
    if (wantDoor) { params.push('door=' + encodeURIComponent(wantDoor)); }
    var hash = params.length ? '#' + params.join('&') : ' ';
    if (history.replaceState) { history.replaceState(null, '', hash === ' ' ? location.pathname + location.search : hash); }
    return keep.length;
  };

  // Filters from the address: index.html#status=proposed&q=cache
  var fromAddress = function () {
    var hash = location.hash.replace(/^#/, '');
    hash.split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at < 0) { return; }
      var key = pair.slice(0, at);
      var value;
      // A hand-edited address may hold a stray `%`: that filter is left out, not the page.
      try { value = decodeURIComponent(pair.slice(at + 1)); } catch (e) { return; }
      if (key === 'q') { query.value = value; }
      if (key === 'status') { status.value = value; }
      if (key === 'door') { door.value = value; }
    });
  };

  // A new filter lists the first matches again.
  var refilter = function () { listAll = false; apply(); };
  query.addEventListener('input', refilter);
  status.addEventListener('change', refilter);
  door.addEventListener('change', refilter);
  form.addEventListener('submit', function (event) { event.preventDefault(); refilter(); });
  form.addEventListener('reset', function () { setTimeout(refilter, 0); });
  fromAddress();
  if (location.hash || rows.length > LISTED) { apply(); }
  // The benchmark times a search through this: the number of matches.
  window.decideSearch = function (text) {
    query.value = text;
    listAll = false;
    return apply();
  };
})();
