{{%AUTOESCAPE context="HTML"}}<h1>政府信息公开工作投诉举报</h1>
{{>ERRORS}}
<p>认为{{AGENCY}}在政府信息公开工作中侵犯您的合法权益，或有未按规定公开信息等情形的，可以在此投诉、举报（《政府信息公开条例》第五十一条）。带 * 的项目必须填写；姓名和联系方式可以不填，但不填将无法向您反馈办理结果。</p>
<form method="post" action="/complaints/{{SLUG}}/new" class="form narrow" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <fieldset><legend>类型 *</legend>{{#BAD_kind}}<p class="field-error" id="kind-error">{{MESSAGE}}</p>{{/BAD_kind}}
    {{#KIND_OPT}}<label><input type="radio" name="kind" value="{{VALUE}}"{{#SEL}} checked{{/SEL}}> {{LABEL}}</label>{{/KIND_OPT}}</fieldset>
  <div class="field"><label for="content">内容 *（请写明事实和诉求，不超过2000字）</label>{{#BAD_content}}<p class="field-error" id="content-error">{{MESSAGE}}</p>{{/BAD_content}}
    <textarea id="content" name="content" rows="8" maxlength="2000"{{#BAD_content}} aria-invalid="true" aria-describedby="content-error"{{/BAD_content}}>{{CONTENT}}</textarea></div>
  <div class="field"><label for="request_code">涉及的依申请公开跟踪码（如有）</label>{{#BAD_request_code}}<p class="field-error" id="request_code-error">{{MESSAGE}}</p>{{/BAD_request_code}}
    <input id="request_code" name="request_code" value="{{REQUEST_CODE}}" maxlength="20" autocomplete="off"{{#BAD_request_code}} aria-invalid="true" aria-describedby="request_code-error"{{/BAD_request_code}}></div>
  <div class="field"><label for="name">姓名或名称</label>{{#BAD_name}}<p class="field-error" id="name-error">{{MESSAGE}}</p>{{/BAD_name}}
    <input id="name" name="name" value="{{NAME}}" maxlength="50" autocomplete="name"{{#BAD_name}} aria-invalid="true" aria-describedby="name-error"{{/BAD_name}}></div>
  <div class="field"><label for="contact">联系方式（电话或电子邮箱）</label>{{#BAD_contact}}<p class="field-error" id="contact-error">{{MESSAGE}}</p>{{/BAD_contact}}
    <input id="contact" name="contact" value="{{CONTACT}}" maxlength="100"{{#BAD_contact}} aria-invalid="true" aria-describedby="contact-error"{{/BAD_contact}}></div>
  <button type="submit">提交</button>
</form>
