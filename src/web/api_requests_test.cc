// The request API: submission with validation, idempotency, rate limit; status with the secret.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "app/requests.h"
#include "app/test_fixture.h"
#include "store/migrations.h"
#include "store/test_databases.h"
#include "web/test_server.h"

namespace gongkai::web {
namespace {

using Poco::JSON::Object;

constexpr const char* kValid = R"({"agency": "apia", "applicant_kind": "natural_person", "applicant_name": "张三",
  "email": "zhangsan@example.com", "description": "2023年度商贸流通专项资金分配结果",
  "delivery_form": "electronic", "delivery_method": "email",
  "id_type": "resident_id", "id_number": "330282198001011237"})";

class ApiRequestsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::open_test_database("sqlite", 4);
    store::migrate(*db_);
    app::make_test_agency(*db_, "apia", "000014349");
    server_ = std::make_unique<TestServer>(*db_);
  }
  TestReply post(const std::string& body, const std::string& key, const std::string& type = "application/json") {
    std::map<std::string, std::string> h;
    if (!key.empty()) h["Idempotency-Key"] = key;
    return server_->send_raw("POST", "/api/v1/requests", type, body, h);
  }
  static Object::Ptr json(const TestReply& r) {
    EXPECT_EQ(r.headers.at("content-type"), "application/json; charset=utf-8");
    return Poco::JSON::Parser().parse(r.body).extract<Object::Ptr>();
  }
  static std::string error_code(const TestReply& r) {
    return json(r)->getObject("error")->getValue<std::string>("code");
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(ApiRequestsTest, SubmitOnceEvenWhenSentTwiceThenReadTheStatus) {
  auto r = post(kValid, "client-key-0000000001");
  ASSERT_EQ(r.status, 201) << r.body;
  auto o = json(r);
  std::string code = o->getValue<std::string>("tracking_code");
  std::string secret = o->getValue<std::string>("secret");
  EXPECT_EQ(code.size(), 8u);
  EXPECT_EQ(secret.size(), 14u);  // XXXX-XXXX-XXXX
  EXPECT_FALSE(o->getValue<bool>("repeated"));
  EXPECT_FALSE(o->getValue<std::string>("due_on").empty());
  EXPECT_EQ(r.headers["location"], "/api/v1/requests/" + code);

  auto again = post(kValid, "client-key-0000000001");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(json(again)->getValue<std::string>("tracking_code"), code);
  EXPECT_EQ(json(again)->getValue<std::string>("secret"), secret);
  EXPECT_TRUE(json(again)->getValue<bool>("repeated"));
  EXPECT_EQ(db_->acquire()->query_int("SELECT COUNT(*) FROM requests"), 1);

  auto s = server_->get("/api/v1/requests/" + code + "?secret=" + secret);
  ASSERT_EQ(s.status, 200) << s.body;
  auto st = json(s);
  EXPECT_EQ(st->getValue<std::string>("state"), "new");
  EXPECT_EQ(st->getValue<std::string>("agency"), "apia 测试局");
  EXPECT_GT(st->getArray("explanation")->size(), 0u);
  EXPECT_EQ(st->getArray("events")->size(), 1u);
  EXPECT_EQ(s.body.find("330282"), std::string::npos) << "no identity data in the status";
  EXPECT_EQ(s.body.find("zhangsan@"), std::string::npos);
  // Lower case and without hyphens is what people type back.
  std::string typed = secret;
  typed.erase(std::remove(typed.begin(), typed.end(), '-'), typed.end());
  std::transform(typed.begin(), typed.end(), typed.begin(), [](unsigned char ch) { return std::tolower(ch); });
  EXPECT_EQ(server_->get("/api/v1/requests/" + code + "?secret=" + typed).status, 200);

  auto wrong = server_->get("/api/v1/requests/" + code + "?secret=2222-2222-2222");
  EXPECT_EQ(wrong.status, 404);
  EXPECT_EQ(error_code(wrong), "not_found");
  EXPECT_EQ(error_code(server_->get("/api/v1/requests/" + code)), "secret_required");
  EXPECT_EQ(error_code(server_->get("/api/v1/requests/" + code + "?secret=x&debug=1")), "unknown_parameter");
}

TEST_F(ApiRequestsTest, BadSubmissionsGetJsonErrorsWithCodesAndFields) {
  std::string missing = R"({"agency": "apia", "applicant_kind": "natural_person", "description": "短"})";
  auto r = post(missing, "client-key-0000000002");
  ASSERT_EQ(r.status, 400);
  auto err = json(r)->getObject("error");
  EXPECT_EQ(err->getValue<std::string>("code"), "invalid");
  auto fields = err->getObject("fields");
  EXPECT_EQ(fields->getValue<std::string>("applicant_name"), "请填写姓名");
  EXPECT_TRUE(fields->has("description"));
  EXPECT_TRUE(fields->has("id_number"));

  EXPECT_EQ(error_code(post(kValid, "")), "idempotency_key_required");
  EXPECT_EQ(error_code(post(kValid, "short")), "bad_idempotency_key");
  EXPECT_EQ(error_code(post("{not json", "client-key-0000000003")), "bad_json");
  EXPECT_EQ(error_code(post("[1,2]", "client-key-0000000003")), "bad_json");
  EXPECT_EQ(error_code(post(R"({"agency": "apia", "applicant_name": 5})", "client-key-0000000003")), "bad_json");
  EXPECT_EQ(error_code(post(R"({"agency": "apia", "is_admin": "1"})", "client-key-0000000003")), "unknown_field");
  EXPECT_EQ(post(R"({"agency": "nope", "applicant_name": "x"})", "client-key-0000000003").status, 404);
  // (An over-long body is refused before it is read; a test sending one races the server's
  // close against its own writing, so the size limit is not tested over HTTP here.)
  auto form = post("agency=apia", "client-key-0000000003", "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 403) << "a form post is not the API and has no CSRF token";
  EXPECT_EQ(db_->acquire()->query_int("SELECT COUNT(*) FROM requests"), 0);
}

TEST_F(ApiRequestsTest, SubmissionsAreRateLimitedPerAddress) {
  // Other tests in this process have used up none of this limit only if they failed early;
  // count what this address may still send, then one more is refused.
  int created = 0;
  for (int i = 0; i < 12; ++i) {
    auto r = post(kValid, "rate-limit-key-" + std::to_string(1000 + i));
    if (r.status == 429) {
      EXPECT_EQ(error_code(r), "rate_limited");
      break;
    }
    ASSERT_EQ(r.status, 201) << r.body;
    ++created;
  }
  EXPECT_LE(created, 10);
  EXPECT_EQ(post(kValid, "rate-limit-key-9999").status, 429);
}

}  // namespace
}  // namespace gongkai::web
