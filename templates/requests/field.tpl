{{%AUTOESCAPE context="HTML"}}<div class="field{{#BAD}} has-error{{/BAD}}">
{{#TEXT}}<label for="{{ID}}">{{LABEL}}{{#OPTIONAL}} <span class="hint">（选填）</span>{{/OPTIONAL}}</label>
  {{#HINT}}<p class="hint" id="{{ID}}-hint">{{HINT}}</p>{{/HINT}}
  {{#BAD}}<p class="field-error" id="{{ID}}-error">{{MESSAGE}}</p>{{/BAD}}
  <input id="{{ID}}" name="{{NAME}}" type="{{TYPE}}" value="{{VALUE}}" maxlength="{{MAX}}"{{#AUTO}} autocomplete="{{AUTO}}"{{/AUTO}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#BAD}} aria-invalid="true"{{/BAD}}>{{/TEXT}}
{{#AREA}}<label for="{{ID}}">{{LABEL}}{{#OPTIONAL}} <span class="hint">（选填）</span>{{/OPTIONAL}}</label>
  {{#HINT}}<p class="hint" id="{{ID}}-hint">{{HINT}}</p>{{/HINT}}
  {{#BAD}}<p class="field-error" id="{{ID}}-error">{{MESSAGE}}</p>{{/BAD}}
  <textarea id="{{ID}}" name="{{NAME}}" rows="6" maxlength="{{MAX}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#BAD}} aria-invalid="true"{{/BAD}}>{{VALUE}}</textarea>{{/AREA}}
{{#RADIOS}}<fieldset{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}><legend>{{LABEL}}</legend>
  {{#HINT}}<p class="hint" id="{{ID}}-hint">{{HINT}}</p>{{/HINT}}
  {{#BAD}}<p class="field-error" id="{{ID}}-error">{{MESSAGE}}</p>{{/BAD}}
  {{#OPT}}<div><input type="radio" id="{{OPT_ID}}" name="{{NAME}}" value="{{VALUE}}"{{#SEL}} checked{{/SEL}}> <label class="inline-label" for="{{OPT_ID}}">{{LABEL}}</label></div>
  {{/OPT}}</fieldset>{{/RADIOS}}
{{#SELECT}}<label for="{{ID}}">{{LABEL}}</label>
  {{#HINT}}<p class="hint" id="{{ID}}-hint">{{HINT}}</p>{{/HINT}}
  {{#BAD}}<p class="field-error" id="{{ID}}-error">{{MESSAGE}}</p>{{/BAD}}
  <select id="{{ID}}" name="{{NAME}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#BAD}} aria-invalid="true"{{/BAD}}><option value="">请选择</option>
  {{#OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/OPT}}
  {{#GROUP}}<optgroup label="{{GROUP_LABEL}}">{{#GOPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/GOPT}}</optgroup>{{/GROUP}}
  </select>{{/SELECT}}
{{#CHECK}}{{#BAD}}<p class="field-error" id="{{ID}}-error">{{MESSAGE}}</p>{{/BAD}}
  <input type="checkbox" id="{{ID}}" name="{{NAME}}" value="1"{{#SEL}} checked{{/SEL}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}> <label class="inline-label" for="{{ID}}">{{LABEL}}</label>
  {{#HINT}}<p class="hint" id="{{ID}}-hint">{{HINT}}</p>{{/HINT}}{{/CHECK}}
</div>
