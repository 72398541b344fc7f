// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/CivilStatusGenerator.h"

#include "server/CivilStatusTables.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <array>
#include <random>

namespace sohoa::hub {

namespace {

// Provinces of birth registration as the ID's first three digits, with their two-digit
// administrative code and a few communes (REGULATIONS.md §3).
struct Province
{
    const char* idPrefix;
    const char* code;
    const char* name;
    std::array<const char*, 3> communes;
};

constexpr std::array<Province, 4> kProvinces = {{
    {"051", "51", "Quảng Ngãi", {"Tịnh Sơn", "Nghĩa Hành", "Bình Sơn"}},
    {"001", "01", "Hà Nội", {"Đông Anh", "Sóc Sơn", "Thanh Trì"}},
    {"019", "19", "Thái Nguyên", {"Phú Bình", "Đại Từ", "Đồng Hỷ"}},
    {"079", "79", "Hồ Chí Minh", {"Bình Chánh", "Hóc Môn", "Củ Chi"}},
}};

constexpr std::array kFamilyNames = {"Nguyễn", "Trần", "Lê",   "Phạm", "Hoàng", "Huỳnh", "Phan",
                                     "Vũ",     "Võ",   "Đặng", "Bùi",  "Đỗ",    "Hồ",    "Ngô"};
constexpr std::array kMaleMiddle = {"Văn", "Hữu", "Đức", "Minh", "Quốc"};
constexpr std::array kFemaleMiddle = {"Thị", "Ngọc", "Thu", "Thanh", "Kim"};
constexpr std::array kMaleGiven = {"An",   "Bình", "Cường", "Dũng", "Hải", "Hùng",
                                   "Khoa", "Long", "Nam",   "Phúc", "Sơn", "Tuấn"};
constexpr std::array kFemaleGiven = {"Anh", "Chi",  "Dung", "Hà",   "Hạnh",   "Hoa",
                                     "Lan", "Linh", "Mai",  "Ngọc", "Phương", "Trang"};
constexpr std::array kEthnicities = {"Kinh", "Kinh", "Kinh", "Kinh", "Hoa", "Tày", "Mường"};
constexpr std::array kCauses = {"Bệnh tuổi già", "Tai biến mạch máu não", "Bệnh tim mạch",
                                "Tai nạn giao thông", "Ung thư"};

// The date the district level ended (Law 72/2025 on local government): later registrations
// carry no district code.
const QDate kDistrictsAbolished(2025, 7, 1);
const QDate kToday(2026, 6, 30); // generated histories end here, whatever the clock says

struct Person
{
    QString fullName;
    bool male = true;
    QDate born;
    QString idNumber;
    QString ethnicity;
    int province = 0;
    int commune = 0;
    int marriages = 0;
};

class Families
{
public:
    Families(PgConnection& connection, std::uint32_t seed) : connection_(connection), random_(seed)
    {
    }

    void family(GeneratedCivilStatus& summary);
    int records() const { return records_; }

private:
    int between(int low, int high)
    {
        return std::uniform_int_distribution<int>(low, high)(random_);
    }
    bool chance(int percent) { return between(1, 100) <= percent; }
    template <typename List> QString pick(const List& list)
    {
        return QString::fromUtf8(list[static_cast<std::size_t>(between(0, int(list.size()) - 1))]);
    }
    QDate dayIn(int year) { return QDate(year, 1, 1).addDays(between(0, 364)); }

    Person person(bool male, int bornYear, int province, const QString& familyName);
    QString idNumber(bool male, const QDate& born, int province);
    QJsonObject address(int province, int commune, const QDate& on, const QString& detail);
    QString office(int province, int commune) const;
    QJsonObject identity(const Person& person, const QDate& on);
    QJsonObject registerEntry(const QDate& on);

    void birth(const Person& child, const Person* mother, const Person* father);
    void marriage(Person& first, Person& second, const QDate& on);
    void death(const Person& person, const QDate& on);

    PgConnection& connection_;
    std::mt19937 random_;
    QSet<QString> usedIds_;
    int records_ = 0;
};

QString Families::idNumber(bool male, const QDate& born, int province)
{
    // PPP G YY RRRRRR: G counts centuries from the 1900s, even for men, odd for women.
    const int century = (born.year() / 100 - 19) * 2 + (male ? 0 : 1);
    for (;;) {
        const QString id =
            QStringLiteral("%1%2%3%4")
                .arg(QString::fromLatin1(kProvinces[static_cast<std::size_t>(province)].idPrefix))
                .arg(century)
                .arg(born.year() % 100, 2, 10, QLatin1Char('0'))
                .arg(between(0, 999999), 6, 10, QLatin1Char('0'));
        if (!usedIds_.contains(id)) {
            usedIds_.insert(id);
            return id;
        }
    }
}

Person Families::person(bool male, int bornYear, int province, const QString& familyName)
{
    Person person;
    person.male = male;
    person.born = dayIn(bornYear);
    person.province = province;
    person.commune = between(0, 2);
    person.fullName = familyName + QLatin1Char(' ') +
                      (male ? pick(kMaleMiddle) : pick(kFemaleMiddle)) + QLatin1Char(' ') +
                      (male ? pick(kMaleGiven) : pick(kFemaleGiven));
    person.ethnicity = pick(kEthnicities);
    person.idNumber = idNumber(male, person.born, province);
    return person;
}

QJsonObject Families::address(int province, int commune, const QDate& on, const QString& detail)
{
    const int communeCode = 10000 + province * 1000 + commune * 37;
    return QJsonObject{
        {"province_code", QString::fromLatin1(kProvinces[static_cast<std::size_t>(province)].code)},
        {"district_code", on < kDistrictsAbolished
                              ? QJsonValue(QString::number(100 + province * 20 + commune))
                              : QJsonValue()},
        {"commune_code", QString::number(communeCode)},
        {"detail", detail}};
}

QString Families::office(int province, int commune) const
{
    return QStringLiteral("UBND xã ") +
           QString::fromUtf8(kProvinces[static_cast<std::size_t>(province)]
                                 .communes[static_cast<std::size_t>(commune)]);
}

QJsonObject Families::identity(const Person& person, const QDate& on)
{
    return QJsonObject{{"full_name", person.fullName},
                       {"date_of_birth", person.born.toString(Qt::ISODate)},
                       {"id_number", person.idNumber},
                       {"nationality", QStringLiteral("Việt Nam")},
                       {"residence", address(person.province, person.commune, on,
                                             QStringLiteral("Thôn %1").arg(between(1, 9)))}};
}

QJsonObject Families::registerEntry(const QDate& on)
{
    return QJsonObject{{"number", QString::number(between(1, 400))},
                       {"book", QStringLiteral("01/%1").arg(on.year())},
                       {"page", QString::number(between(1, 200))}};
}

void Families::birth(const Person& child, const Person* mother, const Person* father)
{
    const QDate registered = child.born.addDays(between(3, 40));
    QJsonObject record{
        {"id_number", child.idNumber},
        {"registration_date", registered.toString(Qt::ISODate)},
        {"registration_office", office(child.province, child.commune)},
        {"child",
         QJsonObject{{"full_name", child.fullName},
                     {"sex", child.male ? "male" : "female"},
                     {"date_of_birth", child.born.toString(Qt::ISODate)},
                     {"ethnicity", child.ethnicity},
                     {"nationality", QStringLiteral("Việt Nam")},
                     {"birthplace", address(child.province, child.commune, registered,
                                            QStringLiteral("Trạm y tế xã"))},
                     {"home_town", address(child.province, child.commune, registered,
                                           QStringLiteral("Thôn %1").arg(between(1, 9)))}}},
        {"register", registerEntry(registered)},
        {"result_code", QStringLiteral("KQ.G15.000031")}};
    const auto parent = [&](const Person& who) {
        QJsonObject entry = identity(who, registered);
        entry.insert(QStringLiteral("ethnicity"), who.ethnicity);
        return entry;
    };
    if (mother)
        record.insert(QStringLiteral("mother"), parent(*mother));
    if (father)
        record.insert(QStringLiteral("father"), parent(*father));
    CivilStatusTables::add(connection_, QStringLiteral("birth"), registered.toString(Qt::ISODate),
                           record, {child.idNumber});
    ++records_;
}

void Families::marriage(Person& first, Person& second, const QDate& on)
{
    const auto spouse = [&](Person& who) {
        QJsonObject entry = identity(who, on);
        entry.insert(QStringLiteral("marriage_count"), ++who.marriages);
        return entry;
    };
    const QJsonObject record{{"spouses", QJsonArray{spouse(first), spouse(second)}},
                             {"date", on.toString(Qt::ISODate)},
                             {"registration_office", office(second.province, second.commune)},
                             {"register", registerEntry(on)}};
    CivilStatusTables::add(connection_, QStringLiteral("marriage"), on.toString(Qt::ISODate),
                           record, {first.idNumber, second.idNumber});
    ++records_;
}

void Families::death(const Person& person, const QDate& on)
{
    const QJsonObject record{
        {"person", identity(person, on)},
        {"died_on", on.toString(Qt::ISODate)},
        {"time_of_death", chance(80) ? QJsonValue(QStringLiteral("%1:%2")
                                                      .arg(between(0, 23), 2, 10, QLatin1Char('0'))
                                                      .arg(between(0, 59), 2, 10, QLatin1Char('0')))
                                     : QJsonValue()},
        {"place", address(person.province, person.commune, on, QStringLiteral("Tại nhà"))},
        {"cause", pick(kCauses)},
        {"death_notice",
         QJsonObject{{"number", QStringLiteral("%1/GBT").arg(between(1, 900))},
                     {"issued_by", QStringLiteral("Trạm y tế xã")},
                     {"issued_on", on.addDays(between(0, 2)).toString(Qt::ISODate)}}},
        {"registration_office", office(person.province, person.commune)},
        {"register", registerEntry(on)}};
    CivilStatusTables::add(connection_, QStringLiteral("death"), on.toString(Qt::ISODate), record,
                           {person.idNumber});
    ++records_;
}

void Families::family(GeneratedCivilStatus& summary)
{
    const int province = between(0, int(kProvinces.size()) - 1);
    const QString familyName = pick(kFamilyNames);
    Person father = person(true, between(1950, 1985), province, familyName);
    Person mother =
        person(false, father.born.year() + between(-2, 6), province, pick(kFamilyNames));
    int people = 2;
    // Older births were registered on paper and only some books have been digitized.
    if (chance(60))
        birth(father, nullptr, nullptr);
    if (chance(60))
        birth(mother, nullptr, nullptr);
    const QDate married = mother.born.addYears(between(20, 28)).addDays(between(0, 300));
    marriage(father, mother, married);

    const int children = between(1, 3);
    for (int i = 0; i < children; ++i) {
        const int year = married.year() + 1 + i * between(2, 4);
        if (year > kToday.year() - 1)
            break;
        Person child = person(chance(50), year, province, familyName);
        ++people;
        birth(child, &mother, &father);
        // Grown children marry someone from another family, with their own ID.
        if (year <= 1998 && chance(50)) {
            Person spouse =
                person(!child.male, year + between(-3, 3), between(0, 3), pick(kFamilyNames));
            ++people;
            marriage(child.male ? child : spouse, child.male ? spouse : child,
                     child.born.addYears(between(22, 30)));
        }
        if (summary.exampleIds.size() < 6 && i == 0)
            summary.exampleIds << child.idNumber;
    }
    if (father.born.year() < 1962 && chance(50))
        death(father, dayIn(between(2015, 2025)));
    else if (summary.exampleIds.size() < 6)
        summary.exampleIds << father.idNumber;
    summary.people += people;
}

} // namespace

CivilStatusGenerator::CivilStatusGenerator(std::uint32_t seed) : seed_(seed) {}

GeneratedCivilStatus CivilStatusGenerator::generate(PgConnection& connection, int families)
{
    Families writer(connection, seed_);
    GeneratedCivilStatus summary;
    for (int i = 0; i < families; ++i)
        writer.family(summary);
    summary.records = writer.records();
    return summary;
}

} // namespace sohoa::hub
