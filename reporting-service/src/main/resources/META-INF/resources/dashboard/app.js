/*
 * Ministry dashboard of reporting-service: signs in with Keycloak (public client, authorization code
 * with PKCE S256), calls GET /statistics with the bearer token and draws the published (already
 * suppressed) figures as inline SVG. Plain JavaScript, no libraries.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var TOKEN = 'dashboard.token';
  var PKCE = 'dashboard.pkce';
  var COLORS = ['#0057b7', '#e0a100', '#2e8b57', '#b23a48', '#6a4c93', '#1982c4', '#8ac926', '#ff595e',
    '#5c677d', '#f77f00'];
  var STATUS_COLORS = {
    REQUESTED: '#9aa4b1', ACCEPTED: '#1982c4', IN_PROGRESS: '#6a4c93', ON_HOLD: '#e0a100',
    COMPLETED: '#2e8b57', REJECTED: '#b23a48', FAILED: '#ff595e', CANCELLED: '#5c677d'
  };
  var config = null;
  var minCount = 5;
  /** Communities of the codifier seen so far: by the label the filter offers, and by code. */
  var communities = { byLabel: {}, byCode: {} };
  /** The codes of the communities chosen in the filter, in the order chosen. */
  var chosen = [];

  function $(id) { return document.getElementById(id); }

  function status(text, isError) {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
  }

  // --- PKCE (RFC 7636) ----------------------------------------------------------------------------

  function base64url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function randomString(byteCount) {
    var bytes = new Uint8Array(byteCount);
    crypto.getRandomValues(bytes);
    return base64url(bytes);
  }

  function s256(verifier) {
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
      .then(function (digest) { return base64url(new Uint8Array(digest)); });
  }

  function redirectUri() { return location.origin + location.pathname; }

  function signIn() {
    var verifier = randomString(48);
    var state = randomString(24);
    var nonce = randomString(24);
    sessionStorage.setItem(PKCE, JSON.stringify({
      verifier: verifier, state: state, returnTo: location.pathname + location.search
    }));
    return s256(verifier).then(function (challenge) {
      var query = new URLSearchParams({
        client_id: config.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(),
        state: state, nonce: nonce, code_challenge: challenge, code_challenge_method: 'S256'
      });
      status('Перехід до входу…');
      location.assign(config.authorizationEndpoint + '?' + query.toString());
    });
  }

  function finishSignIn(params) {
    var saved = JSON.parse(sessionStorage.getItem(PKCE) || 'null');
    sessionStorage.removeItem(PKCE);
    if (!saved || saved.state !== params.get('state')) {
      return Promise.reject(new Error('Відповідь входу не відповідає запиту (state); спробуйте ще раз.'));
    }
    var form = new URLSearchParams({ code: params.get('code'), code_verifier: saved.verifier, redirect_uri: redirectUri() });
    return fetch('/dashboard-api/token', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString()
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.detail || 'Вхід не вдався'); }
        sessionStorage.setItem(TOKEN, JSON.stringify({
          access: body.access_token, id: body.id_token, expires: Date.now() + (body.expires_in - 20) * 1000
        }));
        history.replaceState(null, '', saved.returnTo);
      });
    });
  }

  function token() {
    var t = JSON.parse(sessionStorage.getItem(TOKEN) || 'null');
    return t && t.expires > Date.now() ? t : null;
  }

  function signOut() {
    var t = JSON.parse(sessionStorage.getItem(TOKEN) || 'null');
    sessionStorage.removeItem(TOKEN);
    var query = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
    if (t && t.id) { query.set('id_token_hint', t.id); }
    location.assign(config.logoutEndpoint + '?' + query.toString());
  }

  function api(path) {
    var t = token();
    if (!t) { return signIn().then(function () { return new Promise(function () {}); }); }
    return fetch(path, { headers: { Authorization: 'Bearer ' + t.access, Accept: 'application/json' } })
      .then(function (r) {
        if (r.status === 401) {
          sessionStorage.removeItem(TOKEN);
          return signIn().then(function () { return new Promise(function () {}); });
        }
        return r.json().then(function (body) {
          if (!r.ok) { throw new Error(body.detail || body.title || ('HTTP ' + r.status)); }
          return body;
        });
      });
  }

  // --- Filters ------------------------------------------------------------------------------------

  function isoDate(d) { return d.toISOString().slice(0, 10); }

  function initFilters() {
    var form = $('filters');
    config.oblasts.forEach(function (o) { form.oblast.add(new Option(o.code + ' ' + o.label, o.code)); });
    config.categories.forEach(function (c) { form.category.add(new Option(c.label, c.code)); });
    var params = new URLSearchParams(location.search);
    // a whole calendar month, quarter or year (the API refuses other periods); by default the current year
    var year = new Date().getFullYear();
    form.from.value = params.get('from') || (year + '-01-01');
    form.to.value = params.get('to') || (year + '-12-31');
    form.oblast.value = params.get('oblast') || '';
    chosen = [];
    params.getAll('hromada').forEach(function (list) {
      list.split(',').map(function (h) { return h.trim(); }).filter(Boolean).forEach(function (h) {
        if (chosen.indexOf(h) < 0) { chosen.push(h); }
      });
    });
    form.category.value = params.get('category') || '';
    form.groupBy.value = params.get('groupBy') || '';
    var search = $('community-search');
    search.addEventListener('change', function () { choose(search.value); });
    search.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && search.value.trim()) { e.preventDefault(); choose(search.value); }
    });
    form.oblast.addEventListener('change', function () {
      // communities known to lie in another oblast leave the filter with it
      chosen = chosen.filter(function (code) {
        var c = communities.byCode[code];
        return !form.oblast.value || !c || c.oblast === form.oblast.value;
      });
      drawChosen();
      loadCommunities(form.oblast.value);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (search.value.trim() && !choose(search.value)) { return; }
      history.replaceState(null, '', location.pathname + '?' + query().toString());
      load();
    });
    drawChosen();
    return loadCommunities(form.oblast.value);
  }

  /** Fills the list the community field offers: the codifier's communities of the oblast, or all. */
  function loadCommunities(oblast) {
    var list = $('community-options');
    list.dataset.state = 'loading';
    return fetch('/dashboard-api/communities' + (oblast ? '?oblast=' + encodeURIComponent(oblast) : ''))
      .then(function (r) {
        if (!r.ok) { throw new Error('Не вдалося отримати перелік громад (HTTP ' + r.status + ')'); }
        return r.json();
      })
      .then(function (items) {
        list.textContent = '';
        items.forEach(function (c) {
          communities.byLabel[c.label] = c;
          communities.byCode[c.code] = c;
          var o = document.createElement('option');
          o.value = c.label;
          list.appendChild(o);
        });
        list.dataset.state = 'ready';
        list.dataset.oblast = oblast || '';
        drawChosen();
      })
      .catch(function (e) { list.dataset.state = 'error'; status(e.message, true); });
  }

  /** Adds the community the text names (a label of the list, or a code) to the filter; false if none. */
  function choose(text) {
    var value = (text || '').trim();
    if (!value) { return true; }
    var c = communities.byLabel[value] || communities.byCode[value.toUpperCase()];
    var problem = $('community-problem');
    if (!c) {
      if (!problem) {
        problem = document.createElement('span');
        problem.id = 'community-problem';
        $('chosen-communities').appendChild(problem);
      }
      problem.textContent = 'Громади «' + value + '» немає в кодифікаторі: виберіть її з переліку.';
      return false;
    }
    // one community at most: the API refuses lists (two lists that differ by one community would reveal it)
    chosen = [c.code];
    $('community-search').value = '';
    drawChosen();
    return true;
  }

  /** One removable chip per chosen community, with its name (the code only if the codifier lacks it). */
  function drawChosen() {
    var box = $('chosen-communities');
    box.textContent = '';
    chosen.forEach(function (code) {
      var c = communities.byCode[code];
      var chip = document.createElement('span');
      chip.className = 'community';
      chip.dataset.code = code;
      chip.title = code;
      chip.appendChild(document.createTextNode(c ? c.label : code));
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.setAttribute('aria-label', 'Прибрати ' + (c ? c.name : code));
      remove.addEventListener('click', function () {
        chosen = chosen.filter(function (x) { return x !== code; });
        drawChosen();
      });
      chip.appendChild(remove);
      box.appendChild(chip);
    });
  }

  function query() {
    var form = $('filters');
    var q = new URLSearchParams();
    ['from', 'to', 'oblast', 'category', 'groupBy'].forEach(function (name) {
      if (form[name].value) { q.set(name, form[name].value); }
    });
    chosen.forEach(function (h) { q.append('hromada', h); });
    return q;
  }

  function load() {
    document.body.dataset.state = 'loading';
    status('Завантаження статистики…');
    return api('/statistics?' + query().toString()).then(function (report) {
      render(report);
      status('Період ' + report.period.from + ' — ' + report.period.to + '. Приховано значення від 1 до '
        + (report.suppression.minCount - 1) + ' і доповнювальні.');
      $('notice').textContent = report.rebuilding
        ? 'Триває перебудова статистики з подій: дані неповні.' : '';
      document.body.dataset.state = 'ready';
    }).catch(function (e) {
      status(e.message, true);
      document.body.dataset.state = 'error';
    });
  }

  // --- Rendering ----------------------------------------------------------------------------------

  function table(report, name) {
    return report.tables.filter(function (t) { return t.name === name; })[0];
  }

  function fmt(cell) {
    if (!cell) { return ''; }
    if (cell.suppressed) { return 'прих.'; }
    return cell.value === null ? '—' : String(cell.value);
  }

  /** What a withheld count is: small itself, or one it would let someone work out. */
  function withheldMeaning() {
    return 'значення від 1 до ' + (minCount - 1) + ' або те, з якого його можна обчислити';
  }

  /** A full-width legend line under a chart that shows a withheld count: its mark and what it withholds. */
  function withheldLegend(svg, x, y, text) {
    svg.appendChild(el('text', { 'class': 'legend withheld-legend', x: x, y: y }, text));
  }

  function render(report) {
    minCount = report.suppression.minCount;
    renderOverview(report);
    renderWorkload(report);
    lineChart($('chart-cases'), table(report, 'casesOpenedByMonth'));
    lineChart($('chart-applicants'), table(report, 'applicantsByMonth'));
    barChart($('chart-services'), table(report, 'servicesByCategory'));
    stackedChart($('chart-referrals'), table(report, 'referralsBySectorAndStatus'));
    caseloadChart($('chart-caseload'), table(report, 'activeCasesPerCaseManager'));
  }

  function renderOverview(report) {
    var applicants = table(report, 'applicants');
    var opened = table(report, 'casesOpenedByModel');
    var active = table(report, 'casesActiveByModel');
    var closed = table(report, 'casesClosedByReason');
    var managers = table(report, 'caseManagersByCaseload');
    var perManager = table(report, 'activeCasesPerCaseManager');
    var services = table(report, 'servicesByCategory');
    var head = ['Регіон', 'Особи', 'Звернення', 'Відкрито випадків', 'Активні на кінець', 'Закрито',
      'Кейс-менеджери', 'Випадків на менеджера', 'Послуги'];
    var el = $('overview');
    el.textContent = '';
    var tr = el.insertRow();
    head.forEach(function (h) { var th = document.createElement('th'); th.textContent = h; tr.appendChild(th); });
    var rows = applicants.rows.concat([applicants.total]);
    rows.forEach(function (row, i) {
      var isTotal = i === rows.length - 1;
      function pick(t) { return isTotal ? t.total : t.rows[i]; }
      var r = el.insertRow();
      if (isTotal) { r.className = 'total'; }
      [row.key === 'TOTAL' ? row.label : row.key + (row.label !== row.key ? ' ' + row.label : ''),
        fmt(row.cells[0]), fmt(row.cells[1]), fmt(pick(opened).total), fmt(pick(active).total),
        fmt(pick(closed).total), fmt(pick(managers).total), fmt(pick(perManager).cells[0]),
        fmt(pick(services).total)].forEach(function (v) { r.insertCell().textContent = v; });
    });
  }

  /** Workload over the period: case managers who worked in it, cases carried, and both per case manager. */
  function renderWorkload(report) {
    var workload = table(report, 'workloadInPeriod');
    var perManager = table(report, 'casesPerCaseManagerInPeriod');
    var head = ['Регіон', 'Кейс-менеджери за період', 'Випадки в роботі за період',
      'Випадків на кейс-менеджера', 'Закритих випадків на кейс-менеджера'];
    var t = $('workload');
    t.textContent = '';
    var tr = t.insertRow();
    head.forEach(function (h) { var th = document.createElement('th'); th.textContent = h; tr.appendChild(th); });
    var rows = workload.rows.concat([workload.total]);
    rows.forEach(function (row, i) {
      var isTotal = i === rows.length - 1;
      var ratios = isTotal ? perManager.total : perManager.rows[i];
      var r = t.insertRow();
      r.dataset.key = row.key;
      if (isTotal) { r.className = 'total'; }
      [row.key === 'TOTAL' ? row.label : row.key + (row.label !== row.key ? ' ' + row.label : ''),
        fmt(row.cells[0]), fmt(row.cells[1]), fmt(ratios.cells[0]), fmt(ratios.cells[1])]
        .forEach(function (v) { r.insertCell().textContent = v; });
    });
  }

  /** The regional project report of the current filters, downloaded as a file (the API needs the token). */
  function download(accept, extension) {
    var t = token();
    if (!t) { signIn(); return; }
    status('Готується регіональний звіт…');
    fetch('/reports/regional-project?' + query().toString(),
      { headers: { Authorization: 'Bearer ' + t.access, Accept: accept } })
      .then(function (r) {
        if (r.status === 401) { sessionStorage.removeItem(TOKEN); signIn(); return null; }
        if (!r.ok) {
          return r.json().then(function (body) { throw new Error(body.detail || body.title || ('HTTP ' + r.status)); });
        }
        return r.blob();
      })
      .then(function (blob) {
        if (!blob) { return; }
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'regional-project-report-' + $('filters').from.value + '-' + $('filters').to.value + extension;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
        status('Регіональний звіт завантажено (' + extension.slice(1) + ').');
      })
      .catch(function (e) { status(e.message, true); });
  }

  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function clear(svg, width, height) {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  }

  /** The top of an axis with four ticks at round numbers (1, 2 or 5 times a power of ten). */
  function niceMax(max) {
    var rough = Math.max(max, 4) / 4;
    var p = Math.pow(10, Math.floor(Math.log10(rough)));
    var step = [1, 2, 5, 10].map(function (f) { return f * p; }).filter(function (s) { return s >= rough; })[0];
    return step * 4;
  }

  function yAxis(svg, x0, y0, height, width, max) {
    for (var i = 0; i <= 4; i++) {
      var y = y0 - height * i / 4;
      svg.appendChild(el('line', { 'class': 'grid', x1: x0, x2: x0 + width, y1: y, y2: y }));
      svg.appendChild(el('text', { x: x0 - 6, y: y + 4, 'text-anchor': 'end' }, String(Math.round(max * i / 4))));
    }
    svg.appendChild(el('line', { 'class': 'axis', x1: x0, x2: x0, y1: y0, y2: y0 - height }));
  }

  /** One line per region over the months; a withheld month breaks the line and is marked. */
  function lineChart(svg, t) {
    var W = 640, H = 310, left = 50, right = 150, top = 15, bottom = 55;
    clear(svg, W, H);
    var months = t.columns;
    var plotW = W - left - right, plotH = H - top - bottom;
    var values = [];
    t.rows.forEach(function (r) { r.cells.forEach(function (c) { if (!c.suppressed) { values.push(c.value); } }); });
    if (!t.rows.length) { svg.appendChild(el('text', { 'class': 'empty', x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'Немає даних')); return; }
    var max = niceMax(Math.max.apply(null, values.concat([1])));
    yAxis(svg, left, top + plotH, plotH, plotW, max);
    function x(i) { return left + (months.length === 1 ? plotW / 2 : plotW * i / (months.length - 1)); }
    function y(v) { return top + plotH - plotH * v / max; }
    // Month labels never overlap: a label takes about 7 px a character plus a gap; when the months stand
    // closer than that, only every n-th month is labelled (n the smallest that leaves room), from the first.
    var longest = Math.max.apply(null, months.map(function (m) { return m.label.length; }).concat([1]));
    var gap = months.length > 1 ? plotW / (months.length - 1) : plotW;
    var every = Math.max(1, Math.ceil((longest * 7 + 10) / gap));
    svg.dataset.monthEvery = every;
    months.forEach(function (m, i) {
      if (i % every !== 0) { return; }
      svg.appendChild(el('text', { 'class': 'month', x: x(i), y: H - bottom + 16, 'text-anchor': 'middle',
        'data-month': m.key }, m.label));
    });
    var anyWithheld = false;
    t.rows.forEach(function (row, ri) {
      var color = COLORS[ri % COLORS.length];
      var points = [];
      function flush() {
        if (points.length > 1) {
          svg.appendChild(el('polyline', { 'class': 'series', points: points.join(' '), fill: 'none', stroke: color,
            'stroke-width': 2, 'data-region': row.key }));
        }
        points = [];
      }
      row.cells.forEach(function (c, i) {
        if (c.suppressed) {
          flush();
          anyWithheld = true;
          var mark = el('text', { 'class': 'withheld', x: x(i), y: top + plotH - 4, 'text-anchor': 'middle',
            'data-region': row.key, 'data-month': months[i].key }, '×');
          mark.appendChild(el('title', {}, row.key + ', ' + months[i].label + ': приховано — ' + withheldMeaning()));
          svg.appendChild(mark);
          return;
        }
        points.push(x(i) + ',' + y(c.value));
        svg.appendChild(el('circle', { 'class': 'point', cx: x(i), cy: y(c.value), r: 3, fill: color,
          'data-region': row.key, 'data-month': months[i].key, 'data-value': c.value }));
      });
      flush();
      svg.appendChild(el('rect', { x: W - right + 12, y: top + ri * 16, width: 10, height: 10, fill: color }));
      svg.appendChild(el('text', { 'class': 'legend', x: W - right + 26, y: top + ri * 16 + 9 }, row.key));
    });
    if (anyWithheld) { withheldLegend(svg, left, H - 8, '× — приховано: ' + withheldMeaning()); }
  }

  /** Horizontal bars of the totals per column (e.g. services by category). */
  function barChart(svg, t) {
    var rowH = 24, left = 300, W = 640, top = 10; // room for «Юридичні (зокрема відновлення документів)»
    var cells = t.total.cells;
    var anyWithheld = cells.some(function (c) { return c.suppressed; });
    var H = top + t.columns.length * rowH + 10 + (anyWithheld ? 20 : 0);
    clear(svg, W, H);
    var max = niceMax(Math.max.apply(null, cells.filter(function (c) { return !c.suppressed; })
      .map(function (c) { return c.value; }).concat([1])));
    var plotW = W - left - 60;
    t.columns.forEach(function (col, i) {
      var y = top + i * rowH;
      svg.appendChild(el('text', { 'class': 'label', x: left - 8, y: y + 15, 'text-anchor': 'end' }, col.label));
      var c = cells[i];
      if (c.suppressed) {
        svg.appendChild(el('text', { 'class': 'withheld', x: left + 4, y: y + 15, 'data-key': col.key }, 'приховано'));
        return;
      }
      if (c.value > 0) {
        svg.appendChild(el('rect', { 'class': 'bar', x: left, y: y + 3, height: rowH - 8,
          width: Math.max(1, plotW * c.value / max), fill: COLORS[0], 'data-key': col.key, 'data-value': c.value }));
      }
      svg.appendChild(el('text', { 'class': 'value', x: left + plotW * c.value / max + 6, y: y + 15 }, String(c.value)));
    });
    if (anyWithheld) { withheldLegend(svg, 10, H - 8, '«приховано» — ' + withheldMeaning()); }
  }

  /** One stacked bar per row (partner sector), segments by column (status). */
  function stackedChart(svg, t) {
    var rowH = 24, left = 200, W = 640, top = 10, legendH = 40;
    var rows = t.rows.filter(function (r) { return !(r.total && !r.total.suppressed && r.total.value === 0); });
    var anyWithheld = rows.some(function (r) { return r.cells.some(function (c) { return c.suppressed; }); });
    if (anyWithheld) { legendH += 20; }
    var H = top + Math.max(1, rows.length) * rowH + legendH;
    clear(svg, W, H);
    var plotW = W - left - 50;
    var max = niceMax(Math.max.apply(null, rows.map(function (r) {
      return r.cells.reduce(function (s, c) { return s + (c.suppressed ? 0 : c.value); }, 0);
    }).concat([1])));
    if (!rows.length) { svg.appendChild(el('text', { 'class': 'empty', x: W / 2, y: top + 15, 'text-anchor': 'middle' }, 'Немає направлень')); }
    rows.forEach(function (row, i) {
      var y = top + i * rowH;
      svg.appendChild(el('text', { 'class': 'label', x: left - 8, y: y + 15, 'text-anchor': 'end' }, row.label));
      var x = left;
      var hidden = [];
      row.cells.forEach(function (c, ci) {
        if (c.suppressed) { hidden.push(t.columns[ci].label); return; }
        if (!c.value) { return; }
        var w = plotW * c.value / max;
        var seg = el('rect', { 'class': 'segment', x: x, y: y + 3, width: w, height: rowH - 8,
          fill: STATUS_COLORS[t.columns[ci].key] || COLORS[ci % COLORS.length],
          'data-sector': row.key, 'data-status': t.columns[ci].key, 'data-value': c.value });
        seg.appendChild(el('title', {}, t.columns[ci].label + ': ' + c.value));
        svg.appendChild(seg);
        x += w;
      });
      if (hidden.length) {
        var mark = el('text', { 'class': 'withheld', x: x + 4, y: y + 15, 'data-sector': row.key },
          'приховано станів: ' + hidden.length);
        mark.appendChild(el('title', {}, 'Приховано: ' + hidden.join(', ') + ' — ' + withheldMeaning()));
        svg.appendChild(mark);
      }
    });
    t.columns.forEach(function (col, i) {
      var lx = 10 + (i % 4) * 155, ly = top + Math.max(1, rows.length) * rowH + 8 + Math.floor(i / 4) * 16;
      svg.appendChild(el('rect', { x: lx, y: ly, width: 10, height: 10, fill: STATUS_COLORS[col.key] }));
      svg.appendChild(el('text', { 'class': 'legend', x: lx + 14, y: ly + 9 }, col.label));
    });
    if (anyWithheld) { withheldLegend(svg, 10, H - 8, 'приховано станів: N — N станів, де ' + withheldMeaning()); }
  }

  /** Vertical bars of active cases per case manager by region, with the models' norms as lines. */
  function caseloadChart(svg, t) {
    var W = 640, H = 290, left = 45, top = 15, bottom = 70, right = 40;
    clear(svg, W, H);
    var plotW = W - left - right, plotH = H - top - bottom;
    var values = t.rows.map(function (r) { return r.cells[0]; });
    var anyWithheld = values.some(function (c) { return c.suppressed; });
    var max = niceMax(Math.max.apply(null, values.filter(function (c) { return !c.suppressed && c.value !== null; })
      .map(function (c) { return c.value; }).concat([36])));
    yAxis(svg, left, top + plotH, plotH, plotW, max);
    [10, 15, 35].forEach(function (norm) {
      var y = top + plotH - plotH * norm / max;
      svg.appendChild(el('line', { 'class': 'norm', x1: left, x2: left + plotW, y1: y, y2: y }));
      svg.appendChild(el('text', { x: left + plotW + 4, y: y + 4 }, String(norm)));
    });
    var slot = plotW / Math.max(1, t.rows.length);
    t.rows.forEach(function (row, i) {
      var cx = left + slot * i + slot / 2;
      var c = row.cells[0];
      svg.appendChild(el('text', { 'class': 'label', x: cx, y: H - bottom + 14, 'text-anchor': 'middle' },
        row.key.length > 6 ? '…' + row.key.slice(-6) : row.key));
      if (c.suppressed || c.value === null) {
        svg.appendChild(el('text', { 'class': 'withheld', x: cx, y: top + plotH - 4, 'text-anchor': 'middle' },
          c.suppressed ? '×' : '—'));
        return;
      }
      var h = plotH * c.value / max;
      var w = Math.min(50, slot * 0.6);
      svg.appendChild(el('rect', { 'class': 'bar', x: cx - w / 2, y: top + plotH - h, width: w, height: h,
        fill: COLORS[0], 'data-region': row.key, 'data-value': c.value }));
      svg.appendChild(el('text', { 'class': 'value', x: cx, y: top + plotH - h - 4, 'text-anchor': 'middle' }, String(c.value)));
    });
    if (anyWithheld) { withheldLegend(svg, left, H - 8, '× — приховано: ' + withheldMeaning()); }
  }

  // --- Start --------------------------------------------------------------------------------------

  function main() {
    fetch('/dashboard-api/config').then(function (r) { return r.json(); }).then(function (c) {
      config = c;
      var params = new URLSearchParams(location.search);
      if (params.has('error')) {
        throw new Error('Вхід не вдався: ' + (params.get('error_description') || params.get('error')));
      }
      $('sign-in').addEventListener('click', function () { signIn(); });
      if (params.has('code')) { status('Вхід…'); }
      var ready = params.has('code') ? finishSignIn(params) : Promise.resolve();
      return ready.then(function () {
        if (!token()) {
          // Not signed in: the page says what it is and offers the sign-in button (index.html's #welcome).
          status('');
          document.body.dataset.state = 'signed-out';
          return null;
        }
        $('welcome').hidden = true;
        $('dashboard').hidden = false;
        $('sign-out').hidden = false;
        $('sign-out').addEventListener('click', signOut);
        $('report-xlsx').addEventListener('click', function () {
          download('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.xlsx');
        });
        $('report-csv').addEventListener('click', function () { download('text/csv', '.csv'); });
        api('/me').then(function (me) {
          $('user-name').textContent = me.displayName + (me.hromada ? ' (громада ' + me.hromada + ')' : '');
        });
        return initFilters().then(load);
      });
    }).catch(function (e) {
      status(e.message, true);
      document.body.dataset.state = 'error';
    });
  }

  main();
}());
