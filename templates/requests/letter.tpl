{{%AUTOESCAPE context="HTML"}}<p><a href="/admin/requests/{{ID}}#letters">返回申请</a></p>
<article class="letter" aria-label="{{TITLE}}">
{{LETTER_HTML:none}}
</article>
<section aria-label="出具与下载">
<p class="status">{{REFERENCE}} · {{#ISSUED}}已于 {{ISSUED_AT}} 出具{{/ISSUED}}{{#NOT_ISSUED}}尚未出具{{/NOT_ISSUED}}</p>
<p><a class="button" href="/admin/requests/{{ID}}/letters/{{SEQ}}?format=pdf">下载PDF</a>
<a class="button" href="/admin/requests/{{ID}}/letters/{{SEQ}}?format=docx">下载Word文档</a></p>
{{#NOT_ISSUED}}<form method="post" action="/admin/requests/{{ID}}/letters/{{SEQ}}/issue" class="form">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <p class="hint">送达申请人后记录出具，出具记录显示在申请的办理记录中。出具后告知书日期固定为出具之日。</p>
  <button type="submit">记录已出具</button>
</form>{{/NOT_ISSUED}}
</section>
