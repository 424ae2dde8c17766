{{%AUTOESCAPE context="HTML"}}<h1>依申请公开</h1>
{{#REMINDERS}}<section class="notice warn" aria-labelledby="reminders-h"><h2 id="reminders-h">期限提醒</h2><ul>
{{#REMINDER}}<li>{{REMINDER_AT}} {{#REMINDER_LINK}}<a href="/admin/requests/{{REMINDER_ID}}">{{/REMINDER_LINK}}{{REMINDER_BODY}}{{#REMINDER_LINK}}</a>{{/REMINDER_LINK}}</li>{{/REMINDER}}
</ul></section>{{/REMINDERS}}
{{#CAN_ENTER}}<p><a class="button" href="/admin/requests/new">登记来信、来访、传真或电子邮件申请</a></p>{{/CAN_ENTER}}
<nav class="tabs" aria-label="工作列表"><ul>
{{#TAB}}<li><a href="{{TAB_URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{TAB_LABEL}}（{{TAB_COUNT}}）</a></li>{{/TAB}}
</ul></nav>
<h2>{{LIST_LABEL}}</h2>
{{#EMPTY}}<p>此列表中没有申请。</p>{{/EMPTY}}
<table class="list"><caption class="visually-hidden">{{LIST_LABEL}}</caption>
<thead><tr><th scope="col">跟踪码</th><th scope="col">收到日期</th><th scope="col">申请人</th><th scope="col">所需信息</th><th scope="col">状态</th><th scope="col">期限</th><th scope="col">剩余</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="/admin/requests/{{ID}}">{{CODE}}</a></td><td>{{RECEIVED}}</td><td>{{APPLICANT}}</td><td>{{DESCRIPTION}}</td><td>{{STATE_LABEL}}</td><td>{{UNTIL}}</td><td>{{#LATE}}<span class="tag warn">{{/LATE}}{{DAYS}}{{#LATE}}</span>{{/LATE}}</td></tr>
{{/ROW}}
</tbody></table>
{{>PAGER}}
<p class="hint">“剩余”为今天之后至期限的工作日数：在办申请按答复期限计，征求意见中的按对方提出意见的期限计，等待申请人的按补正或缴费期限计。</p>
