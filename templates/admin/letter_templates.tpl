{{%AUTOESCAPE context="HTML"}}<h1>告知书文本</h1>
<p>本机关出具的各类告知书正文可以按本机关的表述修改。标题、文号、申请人称呼、“特此告知”、落款、日期和联系方式由系统生成。修改时须保留本机关名称、法律依据，可申请复议诉讼的告知书还须保留救济途径（六十日内申请行政复议、六个月内提起行政诉讼）。</p>
<table class="list">
  <caption class="visually-hidden">告知书种类</caption>
  <thead><tr><th scope="col">告知书</th><th scope="col">法律依据</th><th scope="col">文本</th><th scope="col">最后修改</th></tr></thead>
  <tbody>{{#ROW}}<tr><td><a href="/admin/letter-templates/{{KEY}}">{{LABEL}}</a></td><td>{{BASIS}}</td><td>{{#CUSTOM}}本机关文本{{/CUSTOM}}{{#DEFAULT}}默认文本{{/DEFAULT}}</td><td>{{#CUSTOM}}{{UPDATED_BY}} {{UPDATED_AT}}{{/CUSTOM}}</td></tr>{{/ROW}}</tbody>
</table>
