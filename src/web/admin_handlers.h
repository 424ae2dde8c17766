#pragma once
// Back-office request handlers (routes in routes.cc).

#include "web/context.h"

namespace gongkai::web {

void get_login(Context& c);
void post_login(Context& c);
void post_logout(Context& c);

void get_admin_home(Context& c);
void get_items(Context& c);
void get_drafts(Context& c);
void get_reviews(Context& c);
void get_new_item(Context& c);
void post_new_item(Context& c);
void get_edit_revision(Context& c);
void post_edit_revision(Context& c);
void get_item(Context& c);
void post_submit(Context& c);
void post_approve(Context& c);
void post_return(Context& c);
void post_new_version(Context& c);
void post_withdraw(Context& c);
void post_validity(Context& c);

void post_attachment(Context& c);
void post_delete_attachment(Context& c);
void get_admin_attachment(Context& c);
void get_public_attachment(Context& c);

void get_users(Context& c);
void get_new_user(Context& c);
void post_new_user(Context& c);
void get_edit_user(Context& c);
void post_edit_user(Context& c);
void post_user_password(Context& c);
void get_departments(Context& c);
void post_new_department(Context& c);
void post_edit_department(Context& c);
void get_taxonomy(Context& c);
void post_new_category(Context& c);
void post_edit_category(Context& c);
void get_settings(Context& c);
void post_settings(Context& c);
void get_password(Context& c);
void post_password(Context& c);

void get_static(Context& c);

}  // namespace gongkai::web
