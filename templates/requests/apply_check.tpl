{{%AUTOESCAPE context="HTML"}}<p class="hint">在线申请 · 第4步，共4步</p>
<h1>核对申请内容</h1>
{{>ERRORS}}
<form method="post" action="{{ACTION}}" class="form" id="submit">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#KEEP}}<input type="hidden" name="{{KEEP_NAME}}" value="{{KEEP_VALUE}}">
  {{/KEEP}}
  {{#PART}}<h2>{{PART_TITLE}}</h2>
  <table class="meta"><caption class="visually-hidden">{{PART_TITLE}}</caption><tbody>
  {{#ROW}}<tr><th scope="row">{{ROW_LABEL}}</th><td>{{ROW_VALUE}}</td></tr>{{/ROW}}
  </tbody></table>
  <p><button type="submit" name="goto" value="{{PART_STEP}}" class="secondary">修改{{PART_TITLE}}</button></p>
  {{/PART}}
  <h2>提交申请</h2>
  <p>提交成功之日即为本机关收到申请之日。本机关将自收到申请之日起20个工作日内答复；需要延长的，经政府信息公开工作机构负责人同意并告知您，延长不超过20个工作日。</p>
  <p class="hint">期限计算方法：{{RULE}}</p>
  <button type="submit" name="step" value="submit">提交申请</button>
</form>
