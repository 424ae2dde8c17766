{{%AUTOESCAPE context="HTML"}}<h1>政府信息公开工作记录 · {{YEAR}}年</h1>
<nav aria-label="切换年份" class="tabs"><ul><li><a href="/admin/work-records?year={{PREV}}">上一年</a></li><li><a href="/admin/work-records?year={{NEXT}}">下一年</a></li></ul></nav>
{{>ERRORS}}
<section aria-labelledby="overview-h" class="notice"><h2 id="overview-h">年报概述可用的表述</h2>
<ul>{{#SENTENCE}}<li>{{TEXT}}</li>{{/SENTENCE}}</ul></section>
<h2>培训、会议和制度</h2>
<table class="list"><caption class="visually-hidden">本年工作记录</caption>
<thead><tr><th scope="col">类型</th><th scope="col">日期</th><th scope="col">主题或名称</th><th scope="col">参加人数</th><th scope="col">内容</th><th scope="col">操作</th></tr></thead>
<tbody>{{#RECORD}}<tr><td>{{KIND}}</td><td>{{DATE}}</td><td>{{TITLE}}</td><td>{{PARTICIPANTS}}</td><td>{{DETAIL}}</td>
<td>{{#CAN_DELETE}}<form class="inline" method="post" action="/admin/work-records/{{ID}}/delete"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="link">删除<span class="visually-hidden">{{TITLE}}</span></button></form>{{/CAN_DELETE}}</td></tr>{{/RECORD}}</tbody></table>
<h2>政府信息公开工作领导小组</h2>
<table class="list"><caption class="visually-hidden">领导小组成员和联络员</caption>
<thead><tr><th scope="col">职务</th><th scope="col">姓名</th><th scope="col">单位职务</th><th scope="col">操作</th></tr></thead>
<tbody>{{#MEMBER}}<tr><td>{{DUTY}}</td><td>{{NAME}}</td><td>{{POSITION}}</td>
<td>{{#CAN_DELETE}}<form class="inline" method="post" action="/admin/leading-group/{{ID}}/delete"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="link">删除<span class="visually-hidden">{{NAME}}</span></button></form>{{/CAN_DELETE}}</td></tr>{{/MEMBER}}</tbody></table>
{{#OFFICE}}
<h2>新增工作记录</h2>
<form method="post" action="/admin/work-records" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field"><label for="kind">类型</label>{{#BAD_kind}}<p class="field-error" id="kind-error">{{MESSAGE}}</p>{{/BAD_kind}}
    <select id="kind" name="kind"{{#BAD_kind}} aria-invalid="true" aria-describedby="kind-error"{{/BAD_kind}}>{{#KIND_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/KIND_OPT}}</select></div>
  <div class="field"><label for="on_date">日期</label>{{#BAD_on_date}}<p class="field-error" id="on_date-error">{{MESSAGE}}</p>{{/BAD_on_date}}
    <input id="on_date" name="on_date" value="{{F_DATE}}" placeholder="{{YEAR}}-03-15" maxlength="10"{{#BAD_on_date}} aria-invalid="true" aria-describedby="on_date-error"{{/BAD_on_date}}></div>
  <div class="field"><label for="title">主题或制度名称</label>{{#BAD_title}}<p class="field-error" id="title-error">{{MESSAGE}}</p>{{/BAD_title}}
    <input id="title" name="title" value="{{F_TITLE}}" maxlength="100"{{#BAD_title}} aria-invalid="true" aria-describedby="title-error"{{/BAD_title}}></div>
  <div class="field"><label for="participants">参加人数（培训）</label>{{#BAD_participants}}<p class="field-error" id="participants-error">{{MESSAGE}}</p>{{/BAD_participants}}
    <input id="participants" name="participants" value="{{F_PARTICIPANTS}}" maxlength="5" inputmode="numeric"{{#BAD_participants}} aria-invalid="true" aria-describedby="participants-error"{{/BAD_participants}}></div>
  <div class="field"><label for="detail">内容（会议纪要要点、制度全文）</label>{{#BAD_detail}}<p class="field-error" id="detail-error">{{MESSAGE}}</p>{{/BAD_detail}}
    <textarea id="detail" name="detail" rows="5" maxlength="20000">{{F_DETAIL}}</textarea></div>
  <button type="submit">保存</button>
</form>
<h2>新增领导小组成员或联络员</h2>
<form method="post" action="/admin/leading-group" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field"><label for="duty">职务</label>{{#BAD_duty}}<p class="field-error" id="duty-error">{{MESSAGE}}</p>{{/BAD_duty}}
    <select id="duty" name="duty">{{#DUTY_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/DUTY_OPT}}</select></div>
  <div class="field"><label for="member_name">姓名</label>{{#BAD_member_name}}<p class="field-error" id="member_name-error">{{MESSAGE}}</p>{{/BAD_member_name}}
    <input id="member_name" name="member_name" value="{{F_MEMBER}}" maxlength="30"{{#BAD_member_name}} aria-invalid="true" aria-describedby="member_name-error"{{/BAD_member_name}}></div>
  <div class="field"><label for="position">单位职务</label>{{#BAD_position}}<p class="field-error" id="position-error">{{MESSAGE}}</p>{{/BAD_position}}
    <input id="position" name="position" value="{{F_POSITION}}" maxlength="50"></div>
  <div class="field"><label for="sort">排序</label>{{#BAD_sort}}<p class="field-error" id="sort-error">{{MESSAGE}}</p>{{/BAD_sort}}
    <input id="sort" name="sort" maxlength="4" inputmode="numeric"></div>
  <button type="submit" class="secondary">添加</button>
</form>
{{/OFFICE}}
