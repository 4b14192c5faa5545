// The dashboard's page script, served as /dashboard/dashboard.js (see index-html.ts for why a
// string module). Plain browser JavaScript inside String.raw: no backtick and no dollar-brace in it.
export const DASHBOARD_JS = String.raw`'use strict';
(function () {
  var money = SunshineMoney;
  // Every state-changing request from this page says so; the API refuses a cookie-authenticated
  // POST or DELETE without it (another site's page cannot add this header).
  var OWN_PAGE = { 'X-Requested-With': 'sunshine' };
  var MAX_ACTIVITY = 30;

  var EVENT_LABELS = {
    TermOpened: '开设届次',
    VillageRegistered: '登记行政村',
    UserRegistered: '登记系统用户',
    UserRoleChanged: '变更用户角色',
    UserRevoked: '停用系统用户',
    InvestmentSigned: '招商引资签约',
    CapitalArrived: '招商资金到位',
    InvestmentAmended: '变更签约信息',
    InvestmentTerminated: '终止招商签约',
    ProjectRegistered: '登记建设项目',
    MilestoneReached: '项目进度节点',
    ProjectProgressReported: '报告项目投资进度',
    ProjectOutputRecorded: '登记项目建设成果',
    DisputeRegistered: '受理矛盾纠纷',
    MediationRecorded: '开展纠纷调解',
    DisputeResolved: '矛盾纠纷化解',
    DisputeEscalated: '纠纷移交处理',
    AuditOpened: '启动审计',
    FindingRecorded: '发现审计问题',
    FindingRectified: '审计问题整改',
    AuditClosed: '审计结束',
    ReceiptRecorded: '村级收入入账',
    ExpenditureRecorded: '村级支出入账',
    EntryReversed: '冲销村级账目',
    DebtRegistered: '登记村级债务',
    DebtSettled: '化解村级债务',
    IndicatorReported: '报告经济指标',
    IndicatorTargetSet: '设定指标目标',
    RecordVoided: '作废误录记录',
    PersonalDataErased: '删除个人信息',
    PersonalDataDisclosed: '查阅个人信息（已留痕）'
  };
  var STREAM_LABELS = {
    village: '村', investment: '招商项目', project: '建设项目', dispute: '纠纷', audit: '审计',
    indicator: '指标', terms: '届次', users: '系统用户', subject: '当事人', disclosures: '个人信息查阅记录'
  };
  var ROLE_NAMES = { admin: '管理员', clerk: '录入员', auditor: '审计员', supervisor: '监督员' };
  var STATUSES = [
    ['registered', '未开工'], ['under-construction', '在建'], ['completed', '已完工'],
    ['accepted', '已验收'], ['commissioned', '已投产'], ['suspended', '停工']
  ];
  var INDICATOR_NAMES = {
    gdp: '地区生产总值', 'fiscal-revenue': '财政收入', 'fixed-asset-investment': '固定资产投资',
    'industrial-output': '工业总产值', 'agricultural-output': '农业总产值', 'farmer-net-income': '农民人均纯收入'
  };
  var CONNECTION_TEXT = { connecting: '连接中', open: '已连接', reconnecting: '重新连接中', closed: '未连接' };

  var clock = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false
  });
  var source = null;
  var retryTimer = null;

  function byId(id) { return document.getElementById(id); }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function count(n) { return typeof n === 'number' ? String(n) : '—'; }

  function percent(rate) {
    if (typeof rate !== 'number') return '—';
    var basisPoints = Math.round(rate * 10000);
    var cents = basisPoints % 100;
    return Math.floor(basisPoints / 100) + '.' + (cents < 10 ? '0' : '') + cents + '%';
  }

  function flash(node) {
    node.classList.remove('changed');
    void node.offsetWidth;
    node.classList.add('changed');
  }

  /** Sets a figure's text, marking it when it changed. */
  function setFigure(name, text) {
    var node = document.querySelector('[data-figure="' + name + '"]');
    if (!node || node.textContent === text) return;
    var first = node.textContent === '—' || node.textContent === '';
    node.textContent = text;
    if (!first) flash(node);
  }

  /** Writes a money map, CNY first and largest, other currencies below it; never converted. */
  function setMoney(name, map) {
    var node = document.querySelector('[data-money="' + name + '"]');
    if (!node) return;
    var lines = money.currencies(map).map(function (currency) { return money.format(map[currency], currency); }).filter(Boolean);
    if (lines.length === 0) lines = [money.format(0, 'CNY')];
    var text = lines.map(function (line) { return line.amount + ' ' + line.unit; }).join('，');
    if (node.getAttribute('data-text') === text) return;
    var first = !node.hasAttribute('data-text');
    node.setAttribute('data-text', text);
    node.textContent = '';
    lines.forEach(function (line) {
      var row = element('span', 'money-line');
      row.appendChild(element('span', 'amount', line.amount));
      row.appendChild(element('span', 'unit', line.unit));
      node.appendChild(row);
    });
    if (!first) flash(node);
  }

  function moneyText(map) {
    var parts = money.currencies(map).map(function (currency) { return money.text(map[currency], currency); });
    return parts.length ? parts.join(' + ') : money.text(0, 'CNY');
  }

  function renderStatuses(byStatus) {
    var list = byId('project-statuses');
    var total = STATUSES.reduce(function (sum, status) { return sum + (byStatus ? byStatus[status[0]] || 0 : 0); }, 0);
    STATUSES.forEach(function (status) {
      var n = byStatus ? byStatus[status[0]] || 0 : 0;
      var row = list.querySelector('[data-status="' + status[0] + '"]');
      if (!row) {
        row = element('li');
        row.setAttribute('data-status', status[0]);
        row.appendChild(element('span', 'label', status[1]));
        var bar = element('span', 'bar');
        bar.setAttribute('aria-hidden', 'true');
        bar.appendChild(element('span'));
        row.appendChild(bar);
        row.appendChild(element('span', 'count', '—'));
        list.appendChild(row);
      }
      var countNode = row.querySelector('.count');
      var text = String(n);
      if (countNode.textContent !== text) {
        var first = countNode.textContent === '—';
        countNode.textContent = text;
        if (!first) flash(countNode);
      }
      row.querySelector('.bar span').style.width = (total ? Math.round((n / total) * 100) : 0) + '%';
    });
  }

  /** An indicator's value in its unit: units starting with CNY count 分, shown like any money. */
  function indicatorValue(value, unit) {
    if (unit && unit.indexOf('CNY') === 0) return money.text(value, 'CNY') + (unit === 'CNY-per-capita' ? '/人' : '');
    if (unit === 'percent') return value + '%';
    if (unit === 'count' || !unit) return String(value);
    return value + ' ' + unit;
  }

  function periodText(period) {
    return /^\d{4}$/.test(period) ? period + ' 年' : period.replace('/', ' 至 ');
  }

  function renderIndicators(indicators) {
    var list = byId('indicators');
    var codes = Object.keys(indicators || {}).filter(function (code) { return indicators[code].last || indicators[code].target; });
    var text = JSON.stringify(codes.map(function (code) { return [code, indicators[code]]; }));
    if (list.getAttribute('data-text') === text) return;
    var first = !list.hasAttribute('data-text');
    list.setAttribute('data-text', text);
    list.textContent = '';
    if (codes.length === 0) list.appendChild(element('li', 'empty', '暂无本届的指标数据。'));
    codes.forEach(function (code) {
      var figures = indicators[code];
      var item = element('li');
      item.setAttribute('data-indicator', code);
      item.appendChild(element('span', 'name', INDICATOR_NAMES[code] || code));
      // The latest annual value, else what was reported against the target so far.
      var shown = figures.last || (figures.target && figures.target.reported);
      if (shown) {
        item.appendChild(element('span', 'value', indicatorValue(shown.value, figures.unit)));
        item.appendChild(element('span', 'period', periodText(shown.period)));
      }
      if (figures.first && figures.last && figures.first.period !== figures.last.period && typeof figures.ratio === 'number')
        item.appendChild(element('span', 'detail', '为 ' + periodText(figures.first.period) + '的 ' + figures.ratio.toFixed(2) + ' 倍'));
      if (figures.target) {
        var target = '目标 ' + indicatorValue(figures.target.value, figures.unit) + '（' + periodText(figures.target.period) + '）';
        if (typeof figures.target.completion === 'number') target += '，已完成 ' + percent(figures.target.completion);
        item.appendChild(element('span', 'detail', target));
      }
      list.appendChild(item);
      if (!first) flash(item);
    });
  }

  function renderSummary(summary) {
    if (!summary) {
      byId('term-name').textContent = '尚未开设届次';
      byId('term-dates').textContent = '管理员开设届次后，这里会显示本届的各项数字。';
      return;
    }
    byId('term-name').textContent = summary.name;
    byId('term-dates').textContent = '任期 ' + summary.from + ' 至 ' + summary.to;
    document.title = summary.name + ' · ' + byId('township').textContent + ' · 阳光台账监督看板';
    byId('as-of').textContent = '数据更新于 ' + clock.format(new Date()) + (summary.position ? ' · 日志位置 ' + summary.position : '');

    var investment = summary.investment;
    setFigure('investment.signings', count(investment.signings));
    setMoney('investment.signed', money.add([investment.signed.domestic, investment.signed.foreign]));
    setMoney('investment.arrived', money.add([investment.arrived.domestic, investment.arrived.foreign]));
    setFigure('investment.note', '其中内资 ' + moneyText(investment.signed.domestic) + '，外资 ' + moneyText(investment.signed.foreign) +
      '；亿元以上项目 ' + investment.bands.atLeast100mCny + ' 个' + (investment.terminated ? '；已终止 ' + investment.terminated + ' 个（不计入）' : ''));

    var projects = summary.projects;
    setFigure('projects.registered', count(projects.registered));
    setMoney('projects.investedToDate', projects.investedToDate);
    renderStatuses(projects.byStatus);

    var disputes = summary.disputes;
    setFigure('disputes.registered', count(disputes.registered));
    setFigure('disputes.resolved', count(disputes.resolvedByMediation + disputes.resolvedOtherwise));
    setFigure('disputes.mediationSuccessRate', percent(disputes.mediationSuccessRate));
    setFigure('disputes.note', '调解成功 ' + disputes.resolvedByMediation + ' 件，其他方式化解 ' + disputes.resolvedOtherwise +
      ' 件，移交 ' + disputes.escalated + ' 件，在办 ' + disputes.open + ' 件' + (disputes.mediationSuccessRate === null ? '；尚无办结纠纷，成功率暂不计算' : ''));

    var audits = summary.audits;
    setFigure('audits.opened', count(audits.opened));
    setFigure('audits.findings', count(audits.findings));
    setFigure('audits.openFindings', count(audits.openFindings));
    byId('open-findings').classList.toggle('warn', audits.openFindings > 0);
    setFigure('audits.note', '已结束 ' + audits.closed + ' 项；涉及金额 ' + moneyText(audits.amountInvolved) + '，挽回金额 ' + moneyText(audits.amountRecovered));

    var finance = summary.villageFinance;
    setMoney('villageFinance.receipts', finance.receipts);
    setMoney('villageFinance.expenditures', finance.expenditures);
    setFigure('villageFinance.note', '登记债务 ' + moneyText(finance.debtsRegistered) + '，已化解债务 ' + moneyText(finance.debtsSettled));

    renderIndicators(summary.indicators);
  }

  function streamText(stream) {
    var dash = stream.indexOf('-');
    var category = dash < 0 ? stream : stream.slice(0, dash);
    var label = STREAM_LABELS[category];
    if (!label) return stream;
    return dash < 0 ? label : label + ' ' + stream.slice(dash + 1);
  }

  function addActivity(activity) {
    var list = byId('activity');
    if (list.querySelector('[data-position="' + activity.position + '"]')) return;
    var empty = byId('activity-empty');
    if (empty) empty.remove();
    var item = element('li', 'fresh');
    item.setAttribute('data-position', activity.position);
    var time = element('time', '', clock.format(new Date(activity.recordedAt)));
    time.setAttribute('datetime', activity.recordedAt);
    item.appendChild(time);
    item.appendChild(element('span', 'what', EVENT_LABELS[activity.type] || activity.type));
    item.appendChild(element('span', 'where', streamText(activity.stream)));
    item.appendChild(element('span', 'meta', '业务日期 ' + activity.occurredOn + ' · ' + (ROLE_NAMES[activity.actor.role] || activity.actor.role) + '录入'));
    list.insertBefore(item, list.firstChild);
    while (list.children.length > MAX_ACTIVITY) list.removeChild(list.lastChild);
  }

  function setConnection(state) {
    var node = byId('connection');
    node.setAttribute('data-state', state);
    byId('connection-text').textContent = CONNECTION_TEXT[state];
  }

  function disconnect() {
    clearTimeout(retryTimer);
    if (source) source.close();
    source = null;
  }

  /** EventSource sends the session cookie and reconnects by itself, resuming from the last message id. */
  function connect() {
    disconnect();
    setConnection('connecting');
    var stream = new EventSource('/api/v1/live');
    source = stream;
    stream.onopen = function () { setConnection('open'); };
    stream.onerror = function () {
      if (stream !== source) return;
      setConnection('reconnecting');
      // CLOSED: the server refused the stream (signed out, revoked, expired, restarted).
      if (stream.readyState === EventSource.CLOSED) checkSession();
    };
    stream.addEventListener('summary', function (message) { renderSummary(JSON.parse(message.data)); });
    stream.addEventListener('activity', function (message) { addActivity(JSON.parse(message.data)); });
  }

  function checkSession() {
    fetch('/api/v1/session', { credentials: 'same-origin' }).then(function (response) {
      if (response.status === 401) {
        disconnect();
        showSignIn('登录已失效（可能已退出、超过 12 小时或账号已停用），请重新登录。');
      } else {
        retryTimer = setTimeout(connect, 3000);
      }
    }, function () {
      retryTimer = setTimeout(checkSession, 3000);
    });
  }

  function showSignIn(message) {
    byId('board').hidden = true;
    byId('session-bar').hidden = true;
    byId('sign-in').hidden = false;
    byId('sign-in-error').textContent = message || '';
    byId('token').focus();
  }

  function signedIn(user) {
    byId('who').textContent = user.name + '（' + user.roleName + '）';
    byId('township').textContent = user.township;
    byId('sign-in').hidden = true;
    byId('board').hidden = false;
    byId('session-bar').hidden = false;
    connect();
  }

  function problemText(response) {
    return response.json().then(function (problem) { return problem.detail; }, function () { return ''; });
  }

  function signIn(event) {
    event.preventDefault();
    var input = byId('token');
    var button = byId('sign-in-button');
    var token = input.value.trim();
    if (!token) {
      byId('sign-in-error').textContent = '请输入访问令牌。';
      input.focus();
      return;
    }
    button.disabled = true;
    byId('sign-in-error').textContent = '';
    fetch('/api/v1/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: Object.assign({ 'Content-Type': 'application/json' }, OWN_PAGE),
      body: JSON.stringify({ token: token })
    }).then(function (response) {
      if (response.status === 201) {
        input.value = '';
        return response.json().then(signedIn);
      }
      if (response.status === 401) {
        byId('sign-in-error').textContent = '令牌无效或账号已停用，请向管理员核实。';
        return undefined;
      }
      return problemText(response).then(function (detail) {
        byId('sign-in-error').textContent = '登录失败（' + response.status + '）' + (detail ? '：' + detail : '');
      });
    }, function () {
      byId('sign-in-error').textContent = '无法连接服务器，请检查网络后重试。';
    }).then(function () { button.disabled = false; });
  }

  function signOut() {
    disconnect();
    setConnection('closed');
    fetch('/api/v1/session', { method: 'DELETE', credentials: 'same-origin', headers: OWN_PAGE }).then(function () {}, function () {}).then(function () {
      showSignIn('您已退出登录。');
    });
  }

  byId('sign-in-form').addEventListener('submit', signIn);
  byId('sign-out').addEventListener('click', signOut);
  fetch('/api/v1/session', { credentials: 'same-origin' }).then(function (response) {
    return response.status === 200 ? response.json().then(signedIn) : showSignIn('');
  }, function () {
    showSignIn('无法连接服务器，请稍后刷新本页。');
  });
})();
`;
