#pragma once

#include "Lesson.h"

#include <QCoreApplication>

#include <vector>

namespace jwtwb::ui {

// The lessons in the order they are taught, with their prepared tokens and keys from
// :/samples/lessons (resources/samples/lessons, made by its make-lessons.sh).
class LessonCatalog
{
    Q_DECLARE_TR_FUNCTIONS(jwtwb::ui::LessonCatalog)

public:
    [[nodiscard]] static std::vector<Lesson> lessons();
    // A prepared token or key, trimmed; "" when the resource is missing.
    [[nodiscard]] static QString sample(const QString& name);
};

} // namespace jwtwb::ui
