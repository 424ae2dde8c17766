{{%AUTOESCAPE context="HTML"}}<h1>投诉举报</h1>
{{>ERRORS}}
<form method="get" action="/admin/complaints" class="form filters">
  <div class="field"><label for="status">状态</label><select id="status" name="status"><option value="">全部</option>{{#STATUS_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/STATUS_OPT}}</select></div>
  <button type="submit" class="secondary">筛选</button>
</form>
<table class="list">
  <caption class="visually-hidden">投诉举报列表</caption>
  <thead><tr><th scope="col">编号</th><th scope="col">类型</th><th scope="col">收到方式</th><th scope="col">收到日期</th><th scope="col">内容</th><th scope="col">状态</th></tr></thead>
  <tbody>{{#ROW}}<tr><td><a href="/admin/complaints/{{ID}}">{{REF}}</a></td><td>{{KIND}}</td><td>{{CHANNEL}}</td><td>{{RECEIVED}}</td><td>{{SUMMARY}}</td><td><span class="quota-status {{STATUS_ID}}">{{STATUS}}</span></td></tr>{{/ROW}}</tbody>
</table>
{{#OFFICE}}
<h2>登记来信、来访、来电</h2>
<form method="post" action="/admin/complaints" class="form narrow">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field"><label for="kind">类型</label>{{#BAD_kind}}<p class="field-error" id="kind-error">{{MESSAGE}}</p>{{/BAD_kind}}
    <select id="kind" name="kind"{{#BAD_kind}} aria-invalid="true" aria-describedby="kind-error"{{/BAD_kind}}>{{#KIND_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/KIND_OPT}}</select></div>
  <div class="field"><label for="channel">收到方式</label>{{#BAD_channel}}<p class="field-error" id="channel-error">{{MESSAGE}}</p>{{/BAD_channel}}
    <select id="channel" name="channel"{{#BAD_channel}} aria-invalid="true" aria-describedby="channel-error"{{/BAD_channel}}>{{#CHANNEL_OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/CHANNEL_OPT}}</select></div>
  <div class="field"><label for="received_on">收到日期</label>{{#BAD_received_on}}<p class="field-error" id="received_on-error">{{MESSAGE}}</p>{{/BAD_received_on}}
    <input id="received_on" name="received_on" value="{{RECEIVED_ON}}" maxlength="10"{{#BAD_received_on}} aria-invalid="true" aria-describedby="received_on-error"{{/BAD_received_on}}></div>
  <div class="field"><label for="content">内容</label>{{#BAD_content}}<p class="field-error" id="content-error">{{MESSAGE}}</p>{{/BAD_content}}
    <textarea id="content" name="content" rows="5" maxlength="2000"{{#BAD_content}} aria-invalid="true" aria-describedby="content-error"{{/BAD_content}}>{{CONTENT}}</textarea></div>
  <div class="field"><label for="request_code">涉及的申请跟踪码（如有）</label>{{#BAD_request_code}}<p class="field-error" id="request_code-error">{{MESSAGE}}</p>{{/BAD_request_code}}
    <input id="request_code" name="request_code" value="{{REQUEST_CODE}}" maxlength="20"{{#BAD_request_code}} aria-invalid="true" aria-describedby="request_code-error"{{/BAD_request_code}}></div>
  <div class="field"><label for="name">姓名或名称</label><input id="name" name="name" value="{{NAME}}" maxlength="50"></div>
  <div class="field"><label for="contact">联系方式</label><input id="contact" name="contact" value="{{CONTACT}}" maxlength="100"></div>
  <button type="submit">登记</button>
</form>
{{/OFFICE}}
