{{%AUTOESCAPE context="HTML"}}<h1>申请 {{CODE}}</h1>
{{>ERRORS}}
<p class="status">状态：<strong>{{STATE}}</strong> · 答复期限：{{DUE}}{{DAYS}}{{#OVERDUE}} <span class="tag warn">已超过答复期限</span>{{/OVERDUE}}{{#WAITING}} · 等待至：{{WAITING_DATE}}{{/WAITING}}</p>
{{#WARN}}<div class="notice warn" role="note">{{WARN_TEXT}}</div>{{/WARN}}
<table class="meta"><caption class="visually-hidden">申请内容</caption><tbody>
{{#META}}<tr><th scope="row">{{META_LABEL}}</th><td>{{META_VALUE}}</td></tr>{{/META}}
</tbody></table>
<section aria-labelledby="deadline-h"><h2 id="deadline-h">答复期限的计算</h2>
<ol class="explanation">{{#LINE}}<li>{{LINE_TEXT}}</li>{{/LINE}}</ol></section>
<section aria-labelledby="timeline-h" id="timeline"><h2 id="timeline-h">办理记录</h2>
<table class="list"><caption class="visually-hidden">办理记录</caption>
<thead><tr><th scope="col">日期</th><th scope="col">事项</th><th scope="col">内容</th><th scope="col">内部备注</th><th scope="col">记录人</th><th scope="col">记录时间</th></tr></thead><tbody>
{{#EVENT}}<tr><td>{{EVENT_DATE}}</td><td>{{EVENT_LABEL}}</td><td>{{EVENT_SUMMARY}}</td><td>{{EVENT_NOTE}}</td><td>{{EVENT_ACTOR}}</td><td>{{EVENT_AT}}</td></tr>{{/EVENT}}
</tbody></table>
{{#HAS_NOTES}}<h3 id="notes-h">系统记录</h3>
<table class="list" aria-labelledby="notes-h"><thead><tr><th scope="col">记录时间</th><th scope="col">内容</th><th scope="col">记录人</th></tr></thead><tbody>
{{#NOTE}}<tr><td>{{NOTE_AT}}</td><td>{{NOTE_BODY}}</td><td>{{NOTE_ACTOR}}</td></tr>{{/NOTE}}
</tbody></table>{{/HAS_NOTES}}</section>
{{#LETTERS}}<section aria-labelledby="letters-h" id="letters"><h2 id="letters-h">告知书</h2>
<table class="list"><caption class="visually-hidden">告知书</caption>
<thead><tr><th scope="col">事项日期</th><th scope="col">告知书</th><th scope="col">文号</th><th scope="col">出具</th></tr></thead><tbody>
{{#LETTER}}<tr><td>{{LETTER_DATE}}</td><td><a href="/admin/requests/{{LETTER_REQUEST}}/letters/{{LETTER_SEQ}}">{{LETTER_TITLE}}</a></td><td>{{LETTER_REF}}</td><td>{{LETTER_ISSUED}}</td></tr>{{/LETTER}}
</tbody></table></section>{{/LETTERS}}
<section aria-labelledby="next-h" id="event-forms"><h2 id="next-h">记录办理事项</h2>
{{#NO_NEXT}}<p>该申请已办结，不能再记录办理事项。</p>{{/NO_NEXT}}
{{#READ_ONLY}}<p>只有申请受理员和办公室可以记录办理事项。</p>{{/READ_ONLY}}
{{#EVENT_FORM}}<details{{#FORM_OPEN}} open{{/FORM_OPEN}}><summary>{{FORM_LABEL}}</summary>
<form method="post" action="{{FORM_ACTION}}" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="kind" value="{{FORM_KIND}}">
  {{>FIELD}}
  <button type="submit">记录“{{FORM_LABEL}}”</button>
</form></details>
{{/EVENT_FORM}}
</section>
<p><a href="/admin/appeals/new?request={{CODE}}">登记与本申请有关的行政复议、行政诉讼</a></p>
<p><a href="/admin/requests">返回工作列表</a></p>
