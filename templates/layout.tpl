{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} - {{SITE_NAME}}</title>
<link rel="stylesheet" href="/static/gongkai.css">
</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<header class="masthead" role="banner">
  <div class="wrap">
    <p class="site"><a href="{{HOME_URL}}">{{SITE_NAME}}</a></p>
    {{#SIGNED_IN}}
    <div class="user">{{DISPLAY_NAME}}（{{ROLE_LABELS}}）
      <form class="inline" method="post" action="/admin/logout"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="link">退出</button></form>
    </div>
    {{/SIGNED_IN}}
  </div>
  {{#NAV}}
  <nav aria-label="后台导航" class="wrap nav">
    <ul>
      <li><a href="/admin">工作台</a></li>
      {{#DRAFTER_NAV}}<li><a href="/admin/drafts">我的草稿</a></li>{{/DRAFTER_NAV}}
      {{#REVIEWER_NAV}}<li><a href="/admin/reviews">待我审核</a></li>{{/REVIEWER_NAV}}
      {{#STAFF_NAV}}<li><a href="/admin/items">信息目录</a></li>{{/STAFF_NAV}}
      {{#DRAFTER_NAV}}<li><a href="/admin/items/new">新建信息</a></li>{{/DRAFTER_NAV}}
      {{#REQUESTS_NAV}}<li><a href="/admin/requests">依申请公开</a></li>{{/REQUESTS_NAV}}
      {{#APPEALS_NAV}}<li><a href="/admin/appeals">复议诉讼</a></li>{{/APPEALS_NAV}}
      {{#LETTERS_NAV}}<li><a href="/admin/letter-templates">告知书文本</a></li>{{/LETTERS_NAV}}
      {{#REPORTS_NAV}}<li><a href="/admin/reports">年度报告</a></li>
      <li><a href="/admin/statistics">统计</a></li>{{/REPORTS_NAV}}
      {{#CITY_REPORTS_NAV}}<li><a href="/admin/city-reports">全市年报汇总</a></li>{{/CITY_REPORTS_NAV}}
      {{#QUOTA_NAV}}<li><a href="/admin/quota">报送定额</a></li>{{/QUOTA_NAV}}
      {{#MY_QUOTA_NAV}}<li><a href="/admin/quota/departments/{{MY_DEPT}}">本科室报送</a></li>{{/MY_QUOTA_NAV}}
      {{#ASSESS_NAV}}<li><a href="/admin/assessment">考核</a></li>{{/ASSESS_NAV}}
      {{#REGISTER_NAV}}<li><a href="/admin/registers/secrecy">保密审查登记</a></li>
      <li><a href="/admin/registers/attributes">公开属性登记</a></li>{{/REGISTER_NAV}}
      {{#SUPERVISION_NAV}}<li><a href="/admin/complaints">投诉举报</a></li>
      <li><a href="/admin/work-records">工作记录</a></li>{{/SUPERVISION_NAV}}
      {{#ADMIN_NAV}}<li><a href="/admin/users">用户</a></li>
      <li><a href="/admin/departments">科室</a></li>
      <li><a href="/admin/taxonomy">分类</a></li>
      <li><a href="/admin/settings">机关设置</a></li>
      <li><a href="/admin/calendar">工作日历</a></li>{{/ADMIN_NAV}}
      <li><a href="/admin/account/password">修改密码</a></li>
    </ul>
  </nav>
  {{/NAV}}
</header>
<main id="main" class="wrap" tabindex="-1">
{{#FLASH}}<div class="notice" role="status">{{MESSAGE}}</div>{{/FLASH}}
{{>CONTENT}}
</main>
<footer class="wrap footer" role="contentinfo"><p>{{SITE_NAME}} · 政府信息公开</p></footer>
</body>
</html>
