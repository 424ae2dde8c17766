{{%AUTOESCAPE context="HTML"}}<div class="notice" role="status">
  <h1>投诉举报已提交</h1>
  <p>编号：<strong>{{REF}}</strong></p>
</div>
<p>{{AGENCY}}已收到您的投诉举报，将依法调查处理。请记下编号，咨询办理情况时请提供。</p>
<p>咨询电话：{{PHONE}}</p>
