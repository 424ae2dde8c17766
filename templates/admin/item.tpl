{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="status">状态：{{STATUS}}{{#LATE}} · <span class="tag warn">超时发布（生成后{{LATE_DAYS}}个工作日才发布，超过《条例》第二十六条规定的20个工作日）</span>{{/LATE}}</p>
<table class="meta">
  <caption class="visually-hidden">信息元数据</caption>
  <tbody>
  {{#META}}<tr><th scope="row">{{LABEL}}</th><td>{{VALUE}}</td></tr>{{/META}}
  </tbody>
</table>
<section aria-labelledby="actions-h" class="actions">
  <h2 id="actions-h">操作</h2>
  {{#CAN_EDIT}}<p><a class="button" href="/admin/revisions/{{REV_ID}}/edit">修改草稿</a></p>
  <form method="post" action="/admin/revisions/{{REV_ID}}/submit"><input type="hidden" name="_csrf" value="{{CSRF}}">
    <label for="submit-comment">提交说明（可选）</label><input id="submit-comment" name="comment" maxlength="500">
    <button type="submit">提交审核</button></form>{{/CAN_EDIT}}
  {{#CAN_REVIEW}}
  <form method="post" action="/admin/revisions/{{REV_ID}}/approve"><input type="hidden" name="_csrf" value="{{CSRF}}">
    <label for="approve-comment">审核意见（{{STEP_LABEL}}）</label><input id="approve-comment" name="comment" maxlength="500">
    {{#LAST_STEP}}<label for="publish-at">定时发布（可选，北京时间，格式 2026-12-01 09:00；留空则审核通过后立即发布）</label>
    <input id="publish-at" name="publish_at" maxlength="16" placeholder="2026-12-01 09:00">{{/LAST_STEP}}
    <button type="submit">审核通过</button></form>
  <form method="post" action="/admin/revisions/{{REV_ID}}/return"><input type="hidden" name="_csrf" value="{{CSRF}}">
    <label for="return-comment">退回理由（必填）</label><input id="return-comment" name="comment" maxlength="500" required>
    <button type="submit" class="secondary">退回修改</button></form>
  {{/CAN_REVIEW}}
  {{#CAN_NEW_VERSION}}<form method="post" action="/admin/items/{{ID}}/new-version"><input type="hidden" name="_csrf" value="{{CSRF}}">
    <button type="submit" class="secondary">修订（生成新版本）</button></form>{{/CAN_NEW_VERSION}}
  {{#CAN_OFFICE}}
  <form method="post" action="/admin/items/{{ID}}/validity"><input type="hidden" name="_csrf" value="{{CSRF}}">
    <label for="validity">有效性</label><select id="validity" name="validity"><option>有效</option><option>失效</option><option>废止</option></select>
    <label for="validity-date">自（日期）</label><input id="validity-date" name="date" placeholder="2014-01-01" maxlength="10">
    <label for="validity-comment">说明</label><input id="validity-comment" name="comment" maxlength="500">
    <button type="submit" class="secondary">变更有效性</button></form>
  <form method="post" action="/admin/items/{{ID}}/withdraw"><input type="hidden" name="_csrf" value="{{CSRF}}">
    <label for="withdraw-comment">撤回理由（必填）</label><input id="withdraw-comment" name="comment" maxlength="500" required>
    <button type="submit" class="danger">撤回</button></form>
  {{/CAN_OFFICE}}
</section>
<section aria-labelledby="body-h"><h2 id="body-h">正文</h2><div class="body">{{BODY:none}}</div></section>
<section aria-labelledby="att-h"><h2 id="att-h">附件</h2>
{{#HAS_ATTACHMENTS}}<ul class="attachments">{{#ATTACHMENT}}<li><a href="/admin/attachments/{{ID}}">{{NAME}}</a>（{{SIZE}}）
  {{#CAN_DELETE}}<form class="inline" method="post" action="/admin/revisions/{{REV_ID}}/attachments/{{ID}}/delete"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="link">删除<span class="visually-hidden">附件 {{NAME}}</span></button></form>{{/CAN_DELETE}}</li>{{/ATTACHMENT}}</ul>{{/HAS_ATTACHMENTS}}
{{#CAN_ATTACH}}<form method="post" action="/admin/revisions/{{REV_ID}}/attachments" enctype="multipart/form-data">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <label for="file">上传附件（PDF、Word、Excel、图片、ZIP，单个不超过20MB）</label>
  <input id="file" name="file" type="file" accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.gif,.zip">
  <button type="submit" class="secondary">上传</button></form>{{/CAN_ATTACH}}
</section>
<section aria-labelledby="ver-h"><h2 id="ver-h">版本</h2>
<table class="list"><thead><tr><th scope="col">版本</th><th scope="col">状态</th><th scope="col">标题</th><th scope="col">更新时间</th></tr></thead><tbody>
{{#VERSION}}<tr><td>第{{REV_NO}}版</td><td>{{STATE}}</td><td>{{TITLE}}</td><td>{{UPDATED}}</td></tr>{{/VERSION}}
</tbody></table></section>
<section aria-labelledby="hist-h"><h2 id="hist-h">审核与操作记录</h2>
<table class="list"><thead><tr><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">操作</th><th scope="col">意见</th></tr></thead><tbody>
{{#EVENT}}<tr><td>{{AT}}</td><td>{{ACTOR}}</td><td>{{ACTION}}</td><td>{{COMMENT}}</td></tr>{{/EVENT}}
</tbody></table></section>
<section aria-labelledby="attribute-h"><h2 id="attribute-h">公开属性（源头认定）</h2>
{{#ATTRIBUTE}}<p>{{MODE}}{{REASON}}（{{BY}}认定，{{AT}}）{{REMARKS}}</p>{{/ATTRIBUTE}}
{{#NO_ATTRIBUTE}}<p>尚未认定公开属性。</p>{{/NO_ATTRIBUTE}}
{{#CAN_ATTRIBUTE}}<form method="post" action="/admin/items/{{ID}}/attribute" class="form narrow"><input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field"><label for="attr-mode">公开属性</label><select id="attr-mode" name="mode">{{#MODE_OPT}}<option value="{{VALUE}}">{{LABEL}}</option>{{/MODE_OPT}}</select></div>
  <div class="field"><label for="attr-reason">不予公开的法定理由（仅不予公开时填写）</label><select id="attr-reason" name="legal_reason"><option value="">（无）</option>{{#REASON_OPT}}<option value="{{VALUE}}">{{LABEL}}</option>{{/REASON_OPT}}</select></div>
  <div class="field"><label for="attr-remarks">说明（可选）</label><input id="attr-remarks" name="remarks" maxlength="500"></div>
  <button type="submit" class="secondary">登记公开属性</button></form>{{/CAN_ATTRIBUTE}}
</section>
<section aria-labelledby="channels-h"><h2 id="channels-h">其他公开渠道</h2>
<table class="list"><caption class="visually-hidden">除门户网站外的公开渠道</caption>
<thead><tr><th scope="col">渠道</th><th scope="col">日期</th><th scope="col">刊期、账号或地点</th><th scope="col">登记人</th><th scope="col">操作</th></tr></thead><tbody>
{{#CHANNEL}}<tr><td>{{NAME}}</td><td>{{DATE}}</td><td>{{REF}}</td><td>{{BY}}</td><td>{{#CAN_DELETE}}<form class="inline" method="post" action="/admin/channels/{{ID}}/delete"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="link">删除<span class="visually-hidden">{{NAME}} {{DATE}}</span></button></form>{{/CAN_DELETE}}</td></tr>{{/CHANNEL}}
</tbody></table>
{{#CAN_CHANNEL}}<form method="post" action="/admin/items/{{ID}}/channels" class="form narrow"><input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field"><label for="ch-channel">渠道</label><select id="ch-channel" name="channel">{{#CHANNEL_OPT}}<option value="{{VALUE}}">{{LABEL}}</option>{{/CHANNEL_OPT}}</select></div>
  <div class="field"><label for="ch-date">日期</label><input id="ch-date" name="on_date" value="{{TODAY}}" maxlength="10"></div>
  <div class="field"><label for="ch-ref">刊期、账号或地点</label><input id="ch-ref" name="reference" maxlength="200"></div>
  <button type="submit" class="secondary">登记渠道</button></form>{{/CAN_CHANNEL}}
</section>
