#pragma once

#include <QtGlobal>

// Receives the UTF-8 text of streamed content deltas, in order, without copies in between.
class ContentSink
{
public:
    virtual ~ContentSink() = default;
    virtual void appendContent(const char *utf8, qsizetype size) = 0;
    // One network read has been consumed: a safe point to deliver batched text.
    virtual void readBatchDone() {}
};
