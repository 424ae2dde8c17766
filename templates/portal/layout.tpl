{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} - {{SITE}}</title>
<link rel="stylesheet" href="/static/gongkai.css">
<link rel="stylesheet" href="/static/print.css" media="print">
{{#FEED}}<link rel="alternate" type="application/atom+xml" title="{{FEED_TITLE}}" href="{{FEED_URL}}">{{/FEED}}
</head>
<body class="portal{{#CARE}} care{{/CARE}}">
<a class="skip" href="#main">跳到主要内容</a>
<header class="masthead" role="banner">
  <div class="wrap">
    <p class="site"><a href="{{SITE_URL}}">{{SITE}}</a></p>
    <p class="tools"><a href="/care?on={{CARE_TOGGLE}}&amp;back={{BACK}}">{{CARE_LABEL}}</a></p>
  </div>
  {{#COLUMN}}
  <nav aria-label="政府信息公开栏目" class="wrap nav">
    <ul>
      <li><a href="/{{SLUG}}/">政府信息公开</a></li>
      <li><a href="/{{SLUG}}/guide">政府信息公开指南</a></li>
      <li><a href="/{{SLUG}}/rules">政府信息公开制度</a></li>
      <li><a href="/{{SLUG}}/catalog">法定主动公开内容</a></li>
      <li><a href="/{{SLUG}}/reports">政府信息公开年报</a></li>
      <li><a href="/{{SLUG}}/apply">依申请公开</a></li>
      <li><a href="/complaints/{{SLUG}}/new">投诉举报</a></li>
    </ul>
  </nav>
  {{/COLUMN}}
</header>
<div class="wrap searchbar">
  <form method="get" action="/search" role="search" aria-label="站内搜索">
    {{#COLUMN}}<input type="hidden" name="agency" value="{{SLUG}}">{{/COLUMN}}
    <label for="site-q" class="visually-hidden">搜索政府信息</label>
    <input id="site-q" name="q" maxlength="200" placeholder="搜索政府信息" value="{{Q}}">
    <button type="submit">搜索</button>
  </form>
</div>
<main id="main" class="wrap" tabindex="-1">
{{#CRUMBS}}<nav aria-label="当前位置" class="crumbs"><ol>{{#CRUMB}}<li>{{#LINK}}<a href="{{URL}}">{{TEXT}}</a>{{/LINK}}{{#HERE}}<span aria-current="page">{{TEXT}}</span>{{/HERE}}</li>{{/CRUMB}}</ol></nav>{{/CRUMBS}}
{{>CONTENT}}
</main>
<footer class="wrap footer" role="contentinfo">
  {{#AGENCY_FOOTER}}<p>{{NAME}}{{#ADDRESS}} · 地址：{{ADDRESS}}{{/ADDRESS}}{{#PHONE}} · 电话：{{PHONE}}{{/PHONE}}</p>{{/AGENCY_FOOTER}}
  <p><a href="/">政府信息公开平台</a> · <a href="/sitemap.xml">网站地图</a></p>
</footer>
</body>
</html>
