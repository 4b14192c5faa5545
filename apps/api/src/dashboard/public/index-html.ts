// The supervisor dashboard's page, served at `/`. The dashboard's files are string modules so
// that tsc carries them into dist/ with the rest: `npm start` and the Docker image (which copies
// only dist/) serve them without a copy step. `{{township}}` is filled in, HTML-escaped, by
// DashboardController. No inline script or style: the Content-Security-Policy forbids both.
export const INDEX_HTML = String.raw`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{{township}} · 阳光台账监督看板</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dashboard/dashboard.css">
<script src="/dashboard/money.js" defer></script>
<script src="/dashboard/dashboard.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">跳到主要内容</a>
<header class="masthead">
  <div class="masthead-inner">
    <div class="brand">
      <span class="seal" aria-hidden="true">阳光</span>
      <div>
        <p class="product">阳光台账 · 监督看板</p>
        <p class="township" id="township">{{township}}</p>
      </div>
    </div>
    <div class="session-bar" id="session-bar" hidden>
      <p class="connection" id="connection" role="status" data-state="connecting">
        <span class="dot" aria-hidden="true"></span><span id="connection-text">连接中</span>
      </p>
      <p class="who" id="who"></p>
      <button type="button" class="button-quiet" id="sign-out">退出登录</button>
    </div>
  </div>
</header>

<main id="main" tabindex="-1">
  <section class="sign-in" id="sign-in" aria-labelledby="sign-in-title" hidden>
    <h1 id="sign-in-title">监督员登录</h1>
    <p class="lead">请输入管理员发给您的访问令牌。令牌只用于换取本次登录，不会出现在网址中，也不会保存在页面里。</p>
    <form id="sign-in-form" method="post" action="/api/v1/session" autocomplete="off" novalidate>
      <label for="token">访问令牌</label>
      <input id="token" name="token" type="password" required spellcheck="false" autocapitalize="off" aria-describedby="sign-in-error">
      <button type="submit" id="sign-in-button">登录</button>
      <p class="form-error" id="sign-in-error" role="alert"></p>
    </form>
  </section>

  <div class="board" id="board" hidden>
    <section class="term" aria-labelledby="term-name">
      <div>
        <p class="eyebrow">本届任期</p>
        <h1 id="term-name">—</h1>
        <p class="term-dates" id="term-dates"></p>
      </div>
      <p class="as-of" id="as-of"></p>
    </section>

    <div class="cards">
      <section class="card" aria-labelledby="h-investment">
        <h2 id="h-investment">招商引资</h2>
        <dl class="figures">
          <div class="figure"><dt>签约项目数</dt><dd><span class="num" data-figure="investment.signings">—</span><span class="unit">个</span></dd></div>
          <div class="figure"><dt>签约金额</dt><dd data-money="investment.signed">—</dd></div>
          <div class="figure"><dt>到位资金</dt><dd data-money="investment.arrived">—</dd></div>
        </dl>
        <p class="note" data-figure="investment.note"></p>
      </section>

      <section class="card" aria-labelledby="h-projects">
        <h2 id="h-projects">项目建设</h2>
        <dl class="figures">
          <div class="figure"><dt>登记项目</dt><dd><span class="num" data-figure="projects.registered">—</span><span class="unit">个</span></dd></div>
          <div class="figure"><dt>累计完成投资</dt><dd data-money="projects.investedToDate">—</dd></div>
        </dl>
        <h3 class="subhead" id="h-status">按建设状态</h3>
        <ul class="statuses" id="project-statuses" aria-labelledby="h-status"></ul>
      </section>

      <section class="card" aria-labelledby="h-disputes">
        <h2 id="h-disputes">矛盾纠纷调处</h2>
        <dl class="figures">
          <div class="figure"><dt>受理</dt><dd><span class="num" data-figure="disputes.registered">—</span><span class="unit">件</span></dd></div>
          <div class="figure"><dt>已化解</dt><dd><span class="num" data-figure="disputes.resolved">—</span><span class="unit">件</span></dd></div>
          <div class="figure"><dt>调处成功率</dt><dd><span class="num" data-figure="disputes.mediationSuccessRate">—</span></dd></div>
        </dl>
        <p class="note" data-figure="disputes.note"></p>
      </section>

      <section class="card" aria-labelledby="h-audits">
        <h2 id="h-audits">审计监督</h2>
        <dl class="figures">
          <div class="figure"><dt>开展审计</dt><dd><span class="num" data-figure="audits.opened">—</span><span class="unit">项</span></dd></div>
          <div class="figure"><dt>发现问题</dt><dd><span class="num" data-figure="audits.findings">—</span><span class="unit">个</span></dd></div>
          <div class="figure" id="open-findings"><dt>未整改问题</dt><dd><span class="num" data-figure="audits.openFindings">—</span><span class="unit">个</span></dd></div>
        </dl>
        <p class="note" data-figure="audits.note"></p>
      </section>

      <section class="card" aria-labelledby="h-finance">
        <h2 id="h-finance">村级财务</h2>
        <dl class="figures">
          <div class="figure"><dt>收入</dt><dd data-money="villageFinance.receipts">—</dd></div>
          <div class="figure"><dt>支出</dt><dd data-money="villageFinance.expenditures">—</dd></div>
        </dl>
        <p class="note" data-figure="villageFinance.note"></p>
      </section>

      <section class="card" aria-labelledby="h-indicators">
        <h2 id="h-indicators">经济指标</h2>
        <ul class="indicators" id="indicators">
          <li class="empty">暂无本届的指标数据。</li>
        </ul>
      </section>

      <section class="card activity" aria-labelledby="h-activity">
        <h2 id="h-activity">最新动态</h2>
        <ol class="activity-list" id="activity" aria-live="polite" aria-relevant="additions">
          <li class="empty" id="activity-empty">等待新的记录……本页打开后录入的记录会即时显示在这里。</li>
        </ol>
      </section>
    </div>
  </div>
</main>

<footer class="footer">
  <p>阳光台账：记录只增不改，更正以新记录说明理由；每个数字都可追溯到其背后的记录。</p>
</footer>
</body>
</html>
`;
