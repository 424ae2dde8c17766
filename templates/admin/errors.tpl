{{%AUTOESCAPE context="HTML"}}{{#ERRORS}}<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">请修改以下问题</h2>
  <ul>{{#ERR}}<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>{{/ERR}}</ul>
</div>{{/ERRORS}}
