<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于群主台</source>
        <translation>About QunDesk</translation>
    </message>
    <message>
        <source>群主台 QunDesk</source>
        <translation>QunDesk 群主台</translation>
    </message>
    <message>
        <source>版本 %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>当前数据库</source>
        <translation>Current database</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>显示哪些活动</source>
        <translation>Which activities to show</translation>
    </message>
    <message>
        <source>即将进行</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>已过去</source>
        <translation>Past</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>筹备中</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>已就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>搜索活动名称或地点</source>
        <translation>Search activity name or venue</translation>
    </message>
    <message>
        <source>活动列表</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>还没有活动</source>
        <translation>No activities yet</translation>
    </message>
    <message>
        <source>线上分享、线下聚会、新人欢迎……从模板新建，清单的每一步会按活动日期排好。</source>
        <translation>Online shares, meetups, newcomer welcomes… Start from a template and every checklist step is laid out by the activity&apos;s date.</translation>
    </message>
    <message>
        <source>安排宣传</source>
        <translation>Schedule Promotion</translation>
    </message>
    <message>
        <source>在内容日历上安排预告（T-7）、提醒（T-1）和回顾（T+1）</source>
        <translation>Put a teaser (T-7), a reminder (T-1) and a recap (T+1) on the content calendar</translation>
    </message>
    <message>
        <source>从模板新建(&amp;N)…</source>
        <translation>&amp;New from Template…</translation>
    </message>
    <message>
        <source>新建活动(&amp;Y)</source>
        <translation>New Activit&amp;y</translation>
    </message>
    <message>
        <source>从模板新建活动(&amp;W)…</source>
        <translation>Ne&amp;w Activity from Template…</translation>
    </message>
    <message>
        <source>新建空白活动(&amp;B)</source>
        <translation>New &amp;Blank Activity</translation>
    </message>
    <message>
        <source>编辑(&amp;I)</source>
        <translation>Ed&amp;it</translation>
    </message>
    <message>
        <source>另存为模板(&amp;S)…</source>
        <translation>&amp;Save as Template…</translation>
    </message>
    <message>
        <source>活动对比(&amp;C)…</source>
        <translation>&amp;Compare Activities…</translation>
    </message>
    <message>
        <source>安排宣传(&amp;U)</source>
        <translation>Sched&amp;ule Promotion</translation>
    </message>
    <message>
        <source>打印清单(&amp;P)…</source>
        <translation>&amp;Print Checklist…</translation>
    </message>
    <message>
        <source>打印签到表(&amp;R)…</source>
        <translation>P&amp;rint Sign-in Sheet…</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>报名与签到</source>
        <translation>Sign-ups and Check-in</translation>
    </message>
    <message>
        <source>复盘</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>选择左边的活动，或新建一个。</source>
        <translation>Choose an activity on the left, or create a new one.</translation>
    </message>
    <message>
        <source>费用 ¥%1</source>
        <translation>Fee ¥%1</translation>
    </message>
    <message>
        <source>模板：%1</source>
        <translation>Template: %1</translation>
    </message>
    <message>
        <source>目标：%1</source>
        <translation>Goal: %1</translation>
    </message>
    <message>
        <source>已保存为模板</source>
        <translation>Saved as a template</translation>
    </message>
    <message numerus="yes">
        <source>内容日历上已经有 %Ln 条这个活动的宣传。按活动现在的时间和内容更新它们吗？（手动改过的会保留）</source>
        <translation>
            <numerusform>The content calendar already has %Ln promotion post for this activity. Update it to the activity&apos;s current time and details? (Posts you edited by hand are kept.)</numerusform>
            <numerusform>The content calendar already has %Ln promotion posts for this activity. Update them to the activity&apos;s current time and details? (Posts you edited by hand are kept.)</numerusform>
        </translation>
    </message>
    <message>
        <source>宣传日期都已经过去，没有安排新的内容。</source>
        <translation>All promotion dates have passed; nothing new was scheduled.</translation>
    </message>
    <message numerus="yes">
        <source>已在内容日历上安排 %Ln 条宣传（草稿），可以在“内容日历”里修改。</source>
        <translation>
            <numerusform>Scheduled %Ln promotion post (draft) on the content calendar; edit it under “Content Calendar”.</numerusform>
            <numerusform>Scheduled %Ln promotion posts (drafts) on the content calendar; edit them under “Content Calendar”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已更新 %Ln 条宣传。</source>
        <translation>
            <numerusform>Updated %Ln post.</numerusform>
            <numerusform>Updated %Ln posts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln 条手动改过的宣传保持不变。</source>
        <translation>
            <numerusform>%Ln post edited by hand was left as it is.</numerusform>
            <numerusform>%Ln posts edited by hand were left as they are.</numerusform>
        </translation>
    </message>
    <message>
        <source>删除活动“%1”及其清单和报名？已发的签到积分也会扣回。</source>
        <translation>Delete the activity “%1” with its checklist and sign-ups? Check-in points already given are taken back.</translation>
    </message>
    <message numerus="yes">
        <source>内容日历上它的 %Ln 条宣传也会一起删除。</source>
        <translation>
            <numerusform> Its %Ln promotion post on the content calendar goes too.</numerusform>
            <numerusform> Its %Ln promotion posts on the content calendar go too.</numerusform>
        </translation>
    </message>
    <message>
        <source>可以用“编辑 &gt; 撤销”(Ctrl+Z) 恢复。</source>
        <translation> You can bring it back with Edit &gt; Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <source>删除活动</source>
        <translation>Delete Activity</translation>
    </message>
    <message>
        <source>已删除活动“%1”（可撤销）</source>
        <translation>Deleted the activity “%1” (can be undone)</translation>
    </message>
</context>
<context>
    <name>ActivityDonut</name>
    <message>
        <source>活跃 vs 沉默</source>
        <translation>Active vs quiet</translation>
    </message>
    <message>
        <source>活跃</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>%1 %2（%3）</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>活跃：%1 天内有贡献、出席或私聊</source>
        <translation>Active: contributed, attended or chatted within %1 days</translation>
    </message>
    <message>
        <source>沉默</source>
        <translation>Quiet</translation>
    </message>
</context>
<context>
    <name>ActivityEditor</name>
    <message>
        <source>编辑活动</source>
        <translation>Edit Activity</translation>
    </message>
    <message>
        <source>新建活动</source>
        <translation>New Activity</translation>
    </message>
    <message>
        <source>结束(&amp;E)</source>
        <translation>&amp;End</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>名额</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>费用</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>预算</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Activity name</translation>
    </message>
    <message>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>面向的群</source>
        <translation>For group</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>链接</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>会议或直播链接</source>
        <translation>Meeting or live-stream link</translation>
    </message>
    <message>
        <source>详细地址</source>
        <translation>Full address</translation>
    </message>
    <message>
        <source>活动日期改动 %1 天：相对日期的步骤会一起移动，固定日期的不变。</source>
        <translation>The activity date moved by %1 days: steps with relative dates move with it, fixed dates stay.</translation>
    </message>
    <message>
        <source>活动改期</source>
        <translation>Activity moved</translation>
    </message>
    <message numerus="yes">
        <source>这个活动有 %Ln 条宣传在内容日历上被手动改过。也按新日期一起挪动吗？（选“否”则留在原来的日期）</source>
        <translation>
            <numerusform>%Ln promotion post of this activity was edited by hand on the content calendar. Move it to the new date too? (No keeps it where it is.)</numerusform>
            <numerusform>%Ln promotion posts of this activity were edited by hand on the content calendar. Move them to the new date too? (No keeps them where they are.)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityLabels</name>
    <message>
        <source>筹备中</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>已就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>筹备中(&amp;P)</source>
        <translation>&amp;Planning</translation>
    </message>
    <message>
        <source>已就绪(&amp;R)</source>
        <translation>&amp;Ready</translation>
    </message>
    <message>
        <source>已结束(&amp;O)</source>
        <translation>D&amp;one</translation>
    </message>
    <message>
        <source>已取消(&amp;C)</source>
        <translation>&amp;Cancelled</translation>
    </message>
    <message>
        <source>线上</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>线下</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>群主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>主持人</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>技术</source>
        <translation>Tech / AV</translation>
    </message>
    <message>
        <source>摄影</source>
        <translation>Photographer</translation>
    </message>
    <message>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>后勤</source>
        <translation>Logistics</translation>
    </message>
    <message>
        <source>分享嘉宾</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>设计</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>客服</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>内容整理</source>
        <translation>Content curator</translation>
    </message>
</context>
<context>
    <name>ActivityListModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>报名</source>
        <translation>Sign-ups</translation>
    </message>
    <message numerus="yes">
        <source>（%Ln 项逾期）</source>
        <translation>
            <numerusform> (%Ln overdue)</numerusform>
            <numerusform> (%Ln overdue)</numerusform>
        </translation>
    </message>
    <message>
        <source>报名 %1 人，签到 %2 人</source>
        <translation>%1 signed up, %2 checked in</translation>
    </message>
    <message>
        <source>（含同伴 %1 人）</source>
        <translation>(%1 companions included)</translation>
    </message>
</context>
<context>
    <name>ActivityPrint</name>
    <message>
        <source>时间：%1</source>
        <translation>Time: %1</translation>
    </message>
    <message>
        <source>形式：%1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <source>地点：%1</source>
        <translation>Venue: %1</translation>
    </message>
    <message>
        <source>链接：%1</source>
        <translation>Link: %1</translation>
    </message>
    <message>
        <source>面向：%1</source>
        <translation>For: %1</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>相对</source>
        <translation>Relative</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>完成日期</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>清单进度：完成 %1/%2</source>
        <translation>Checklist progress: %1/%2 done</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>群昵称</source>
        <translation>Group nickname</translation>
    </message>
    <message>
        <source>手机尾号</source>
        <translation>Phone (last digits)</translation>
    </message>
    <message>
        <source>签名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>签到表 · %1</source>
        <translation>Sign-in Sheet · %1</translation>
    </message>
    <message>
        <source>报名 %1 人</source>
        <translation>%1 signed up</translation>
    </message>
    <message>
        <source>（含同伴 %1 人）</source>
        <translation>(%1 companions included)</translation>
    </message>
    <message>
        <source>活动清单 - %1</source>
        <translation>Activity Checklist - %1</translation>
    </message>
    <message>
        <source>签到表 - %1</source>
        <translation>Sign-in Sheet - %1</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>固定</source>
        <translation>Fixed</translation>
    </message>
    <message>
        <source>还没有步骤</source>
        <translation>No steps yet</translation>
    </message>
    <message>
        <source>目标：</source>
        <translation>Goal: </translation>
    </message>
</context>
<context>
    <name>AddSignUpsDialog</name>
    <message>
        <source>添加报名</source>
        <translation>Add Sign-ups</translation>
    </message>
    <message>
        <source>报名(&amp;S)</source>
        <translation>&amp;Sign-ups</translation>
    </message>
    <message>
        <source>选择要报名的成员（可按住 Ctrl 或 Shift 多选）：</source>
        <translation>Choose the members to sign up (hold Ctrl or Shift to select several):</translation>
    </message>
    <message numerus="yes">
        <source>已选 %Ln 人</source>
        <translation>
            <numerusform>%Ln selected</numerusform>
            <numerusform>%Ln selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>缺少中文字体</source>
        <translation>No Chinese font</translation>
    </message>
    <message>
        <source>没有找到能显示中文的字体，中文可能显示为方框，打印时也会缺字。请安装“微软雅黑”、“苹方”或“Noto Sans CJK SC”等中文字体。</source>
        <translation>No font that can show Chinese was found: Chinese text may appear as boxes and be missing from printouts. Please install a Chinese font such as Microsoft YaHei, PingFang SC or Noto Sans CJK SC.</translation>
    </message>
    <message>
        <source>没有找到可用的备份。请尽快导出名单，不要继续修改数据。</source>
        <translation>No usable backup was found. Export the roster soon and stop changing data.</translation>
    </message>
    <message>
        <source>数据库已损坏</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>没有找到可用的备份。文件没有被改动。</source>
        <translation>No usable backup was found. The file was not changed.</translation>
    </message>
    <message>
        <source>%1

最近一次完好的备份是“%2”。要用它恢复吗？损坏的文件会被改名保留，不会被覆盖。</source>
        <translation>%1

The latest good backup is “%2”. Restore from it? The damaged file is kept under a new name, not overwritten.</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <source>跟随系统(&amp;S)</source>
        <translation>Follow &amp;System</translation>
    </message>
    <message>
        <source>浅色(&amp;L)</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>深色(&amp;D)</source>
        <translation>&amp;Dark</translation>
    </message>
</context>
<context>
    <name>Aside</name>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
</context>
<context>
    <name>BacklogPanel</name>
    <message>
        <source>&lt;b&gt;点子库&lt;/b&gt;</source>
        <translation>&lt;b&gt;Idea Pool&lt;/b&gt;</translation>
    </message>
    <message>
        <source>把点子拖到日历上的某一天即可排期；把单次内容拖回这里放回点子库。</source>
        <translation>Drag an idea onto a day to schedule it; drag a one-off item back here to return it to the pool.</translation>
    </message>
    <message>
        <source>&lt;b&gt;内容来源&lt;/b&gt;</source>
        <translation>&lt;b&gt;Content Sources&lt;/b&gt;</translation>
    </message>
    <message>
        <source>内容来源</source>
        <translation>Content sources</translation>
    </message>
    <message>
        <source>点子库</source>
        <translation>Idea backlog</translation>
    </message>
    <message>
        <source>新点子(&amp;I)</source>
        <translation>New &amp;idea</translation>
    </message>
    <message>
        <source>添加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>打开链接(&amp;O)</source>
        <translation>&amp;Open Link</translation>
    </message>
    <message>
        <source>删除内容来源</source>
        <translation>Delete Content Source</translation>
    </message>
    <message>
        <source>删除内容来源“%1”？</source>
        <translation>Delete the content source “%1”?</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from Backup</translation>
    </message>
    <message>
        <source>群主台每天第一次打开时、导入和删除之前都会自动备份。选一份恢复；当前数据会先另存一份，恢复也可以再撤回。</source>
        <translation>QunDesk backs up automatically when it first opens each day, and before imports and deletions. Pick one to restore; the current data is saved first, so a restore can be taken back too.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>备份列表</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>还没有备份。</source>
        <translation>No backups yet.</translation>
    </message>
    <message>
        <source>恢复所选(&amp;R)</source>
        <translation>&amp;Restore Selected</translation>
    </message>
    <message>
        <source>选择其他文件(&amp;F)…</source>
        <translation>Choose Another &amp;File…</translation>
    </message>
    <message>
        <source>每日自动备份</source>
        <translation>Daily automatic backup</translation>
    </message>
    <message>
        <source>手动备份</source>
        <translation>Manual backup</translation>
    </message>
    <message>
        <source>导入名单前</source>
        <translation>Before a roster import</translation>
    </message>
    <message>
        <source>撤销导入前</source>
        <translation>Before undoing an import</translation>
    </message>
    <message>
        <source>删除成员前</source>
        <translation>Before deleting members</translation>
    </message>
    <message>
        <source>从备份恢复前</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>升级数据版本前</source>
        <translation>Before a data upgrade</translation>
    </message>
    <message>
        <source>另存的副本</source>
        <translation>Saved copy</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a Backup File</translation>
    </message>
    <message>
        <source>SQLite 数据库 (*.sqlite3 *.db)</source>
        <translation>SQLite databases (*.sqlite3 *.db)</translation>
    </message>
</context>
<context>
    <name>BirthdayEdit</name>
    <message>
        <source>公历</source>
        <translation>Solar</translation>
    </message>
    <message>
        <source>农历</source>
        <translation>Lunar</translation>
    </message>
    <message>
        <source>生日的历法</source>
        <translation>Birthday calendar</translation>
    </message>
    <message>
        <source>公历生日</source>
        <translation>Solar birthday</translation>
    </message>
    <message>
        <source>年份不详</source>
        <translation>Year unknown</translation>
    </message>
    <message>
        <source>农历出生年份</source>
        <translation>Lunar year of birth</translation>
    </message>
    <message>
        <source>农历月份</source>
        <translation>Lunar month</translation>
    </message>
    <message>
        <source>农历日子</source>
        <translation>Lunar day</translation>
    </message>
    <message>
        <source>今年</source>
        <translation>this year</translation>
    </message>
    <message>
        <source>明年</source>
        <translation>next year</translation>
    </message>
    <message>
        <source>= %1（%2）</source>
        <translation>= %1 (%2)</translation>
    </message>
    <message>
        <source>出生于公历 %1</source>
        <translation>born %1 (solar)</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>点子</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>待发布</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>已发布</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>已跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>元旦</source>
        <translation>New Year&apos;s Day</translation>
    </message>
    <message>
        <source>春节</source>
        <translation>Spring Festival</translation>
    </message>
    <message>
        <source>清明节</source>
        <translation>Qingming</translation>
    </message>
    <message>
        <source>劳动节</source>
        <translation>Labour Day</translation>
    </message>
    <message>
        <source>端午节</source>
        <translation>Dragon Boat</translation>
    </message>
    <message>
        <source>中秋节</source>
        <translation>Mid-Autumn</translation>
    </message>
    <message>
        <source>国庆节</source>
        <translation>National Day</translation>
    </message>
    <message>
        <source>抗战胜利纪念日</source>
        <translation>Victory Day</translation>
    </message>
    <message>
        <source>%1（待公布）</source>
        <translation>%1 (provisional)</translation>
    </message>
    <message>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation>Adjusted working day</translation>
    </message>
    <message>
        <source>按农历和节气推算；官方放假安排公布后以官方为准</source>
        <translation>Computed from the lunar calendar and solar terms; the official schedule, once published, decides</translation>
    </message>
    <message>
        <source>你在“节假日…”里填写的</source>
        <translation>Entered by you in “Holidays…”</translation>
    </message>
    <message>
        <source>一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>全天</source>
        <translation>All day</translation>
    </message>
    <message>
        <source>主讲：</source>
        <translation>Speaker: </translation>
    </message>
    <message>
        <source>已过期，尚未发布</source>
        <translation>Overdue, not published yet</translation>
    </message>
    <message>
        <source>休</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Work</translation>
    </message>
    <message>
        <source>还有 %1 项…</source>
        <translation>%1 more…</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>目标群</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>主讲</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>过期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>点击查看这一天的全部内容</source>
        <translation>Click to see everything on this day</translation>
    </message>
    <message>
        <source>休（放假）</source>
        <translation>Off (holiday)</translation>
    </message>
    <message>
        <source>班（调休上班）</source>
        <translation>Work (working day)</translation>
    </message>
    <message>
        <source>普通日（不放假也不调休）</source>
        <translation>Ordinary day (neither)</translation>
    </message>
    <message>
        <source>普通日</source>
        <translation>Ordinary day</translation>
    </message>
    <message>
        <source>我填的</source>
        <translation>Yours</translation>
    </message>
    <message>
        <source>官方安排</source>
        <translation>Official</translation>
    </message>
    <message>
        <source>推算（待公布）</source>
        <translation>Computed (provisional)</translation>
    </message>
    <message>
        <source>推算</source>
        <translation>Computed</translation>
    </message>
    <message>
        <source>你填写的设置优先。%1：%2</source>
        <translation>Your entry wins. %1: %2</translation>
    </message>
    <message>
        <source>休/班</source>
        <translation>Off/Work</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>生日：%1</source>
        <translation>Birthday: %1</translation>
    </message>
    <message>
        <source>%1 岁</source>
        <translation>age %1</translation>
    </message>
    <message>
        <source>%1 过生日</source>
        <translation>Birthdays on %1</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>导出 .ics(&amp;X)…</source>
        <translation>E&amp;xport .ics…</translation>
    </message>
    <message>
        <source>导出为 iCalendar 文件，导入手机日历后到点会提醒</source>
        <translation>Export as an iCalendar file; import it into your phone&apos;s calendar to get reminders</translation>
    </message>
    <message>
        <source>节假日(&amp;L)…</source>
        <translation>Ho&amp;lidays…</translation>
    </message>
    <message>
        <source>查看放假（休）和调休上班（班）的日子；官方安排未公布时自己填写或导入 .ics</source>
        <translation>Days off (Off) and adjusted working days (Work); enter them yourself or import an .ics while the official schedule is not out</translation>
    </message>
    <message>
        <source>按群筛选</source>
        <translation>Filter by group</translation>
    </message>
    <message>
        <source>按类型筛选</source>
        <translation>Filter by kind</translation>
    </message>
    <message>
        <source>按状态筛选</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>按主讲人筛选</source>
        <translation>Filter by presenter</translation>
    </message>
    <message>
        <source>搜索标题或主讲人</source>
        <translation>Search title or speaker</translation>
    </message>
    <message>
        <source>群</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>主讲</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>还没有内容</source>
        <translation>No content yet</translation>
    </message>
    <message>
        <source>把要在群里发的分享、问答、预告排到日历上：双击某一天，或点“新建内容”；还没想好日子的点子先放进右边的点子库。</source>
        <translation>Put the shares, Q&amp;As and announcements you will post in the group on the calendar: double-click a day or press &quot;New Post&quot;; ideas without a date go into the idea pool on the right.</translation>
    </message>
    <message>
        <source>今天(&amp;T)</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <source>月(&amp;M)</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <source>周(&amp;K)</source>
        <translation>Wee&amp;k</translation>
    </message>
    <message>
        <source>列表(&amp;S)</source>
        <translation>Li&amp;st</translation>
    </message>
    <message>
        <source>新建内容(&amp;N)</source>
        <translation>&amp;New Post</translation>
    </message>
    <message>
        <source>内容类型(&amp;C)…</source>
        <translation>&amp;Content Types…</translation>
    </message>
    <message>
        <source>新建内容(&amp;P)</source>
        <translation>New &amp;Post</translation>
    </message>
    <message>
        <source>新点子(&amp;W)</source>
        <translation>Ne&amp;w idea</translation>
    </message>
    <message>
        <source>全部群</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部主讲</source>
        <translation>All speakers</translation>
    </message>
    <message numerus="yes">
        <source>只看过期（%Ln 项）(&amp;U)</source>
        <translation>
            <numerusform>Overd&amp;ue only (%Ln)</numerusform>
            <numerusform>Overd&amp;ue only (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>内容日历</source>
        <translation>Content Calendar</translation>
    </message>
    <message>
        <source>已移到 %1</source>
        <translation>Moved to %1</translation>
    </message>
    <message>
        <source>已复制一份</source>
        <translation>Duplicated</translation>
    </message>
    <message>
        <source>正文已复制，可直接粘贴到微信</source>
        <translation>Text copied: paste it straight into WeChat</translation>
    </message>
    <message>
        <source>删除“%1”（%2）？</source>
        <translation>Delete “%1” (%2)?</translation>
    </message>
    <message>
        <source>只删除这一次，系列的其他日期不受影响。</source>
        <translation>Only this occurrence is deleted; the rest of the series stays.</translation>
    </message>
    <message>
        <source>删除内容</source>
        <translation>Delete Post</translation>
    </message>
    <message>
        <source>在 %1 新建内容(&amp;N)…</source>
        <translation>&amp;New Post on %1…</translation>
    </message>
    <message>
        <source>节假日（休/班）(&amp;H)…</source>
        <translation>&amp;Holidays (Off/Work)…</translation>
    </message>
    <message>
        <source>编辑(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>编辑整个系列(&amp;W)…</source>
        <translation>Edit &amp;Whole Series…</translation>
    </message>
    <message>
        <source>复制正文（粘贴到微信）(&amp;C)</source>
        <translation>&amp;Copy Text (to paste into WeChat)</translation>
    </message>
    <message>
        <source>复制一份(&amp;U)</source>
        <translation>D&amp;uplicate</translation>
    </message>
    <message>
        <source>标记为已发布(&amp;P)</source>
        <translation>Mark as &amp;Published</translation>
    </message>
    <message>
        <source>标记为待发布(&amp;R)</source>
        <translation>Ma&amp;rk as Ready</translation>
    </message>
    <message>
        <source>跳过这一次(&amp;S)</source>
        <translation>&amp;Skip This Time</translation>
    </message>
    <message>
        <source>放回点子库(&amp;B)</source>
        <translation>&amp;Back to Idea Pool</translation>
    </message>
    <message>
        <source>删除(&amp;D)…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>导出日历</source>
        <translation>Export Calendar</translation>
    </message>
    <message>
        <source>iCalendar 文件 (*.ics)</source>
        <translation>iCalendar files (*.ics)</translation>
    </message>
    <message>
        <source>内容日历.ics</source>
        <translation>content-calendar.ics</translation>
    </message>
    <message numerus="yes">
        <source>已导出 %Ln 项到 </source>
        <translation>
            <numerusform>Exported %Ln item to </numerusform>
            <numerusform>Exported %Ln items to </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>保存图片(&amp;S)…</source>
        <translation>&amp;Save Image…</translation>
    </message>
    <message>
        <source>把这张图保存为 PNG 图片</source>
        <translation>Save this chart as a PNG image</translation>
    </message>
    <message>
        <source>%1：共 %2，最近 %3</source>
        <translation>%1: %2 in all, latest %3</translation>
    </message>
    <message>
        <source>%1：最近 %2</source>
        <translation>%1: latest %2</translation>
    </message>
    <message>
        <source>保存图表</source>
        <translation>Save Chart</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <source>无法写入“%1”，请换一个位置。</source>
        <translation>Cannot write “%1”; please choose another place.</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>相对</source>
        <translation>Relative</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>固定</source>
        <translation>Fixed</translation>
    </message>
    <message>
        <source>完成于 %1</source>
        <translation>Done on %1</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>活动清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>添加步骤(&amp;A)</source>
        <translation>&amp;Add Step</translation>
    </message>
    <message>
        <source>编辑(&amp;T)</source>
        <translation>Edi&amp;t</translation>
    </message>
    <message>
        <source>删除(&amp;L)</source>
        <translation>De&amp;lete</translation>
    </message>
    <message>
        <source>上移(&amp;M)</source>
        <translation>&amp;Move Up</translation>
    </message>
    <message>
        <source>下移(&amp;O)</source>
        <translation>M&amp;ove Down</translation>
    </message>
    <message>
        <source>勾选表示完成（记录完成日期）；拖动行可调整顺序；双击编辑。</source>
        <translation>Tick a step when it is done (the date is recorded); drag rows to reorder; double-click to edit.</translation>
    </message>
    <message>
        <source>完成 %1/%2</source>
        <translation>%1/%2 done</translation>
    </message>
    <message numerus="yes">
        <source>%Ln 项逾期</source>
        <translation>
            <numerusform>%Ln overdue</numerusform>
            <numerusform>%Ln overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>删除步骤</source>
        <translation>Delete Step</translation>
    </message>
    <message>
        <source>删除步骤“%1”？</source>
        <translation>Delete the step “%1”?</translation>
    </message>
</context>
<context>
    <name>ChoiceDelegate</name>
    <message>
        <source>第 %1 行的处理方式</source>
        <translation>What to do with line %1</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>活动对比</source>
        <translation>Compare Activities</translation>
    </message>
    <message>
        <source>要对比的活动</source>
        <translation>Activities to compare</translation>
    </message>
    <message>
        <source>活动对比表</source>
        <translation>Activity comparison</translation>
    </message>
    <message>
        <source>勾选要对比的活动</source>
        <translation>Tick the activities to compare</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>报名</source>
        <translation>Sign-ups</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>Check In</translation>
    </message>
    <message>
        <source>到场率</source>
        <translation>Turnout</translation>
    </message>
    <message>
        <source>新增成员</source>
        <translation>New members</translation>
    </message>
    <message>
        <source>转化人数</source>
        <translation>Converted</translation>
    </message>
    <message>
        <source>转化率</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <source>收入</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>预算</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>清单完成</source>
        <translation>Checklist done</translation>
    </message>
    <message>
        <source>保持</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>改进</source>
        <translation>Improve</translation>
    </message>
</context>
<context>
    <name>ContactQueueDialog</name>
    <message>
        <source>今日待联系</source>
        <translation>To Contact Today</translation>
    </message>
    <message>
        <source> 人/天</source>
        <translation> per day</translation>
    </message>
    <message>
        <source>微信每天加好友过多可能被限制，建议不超过 20 人</source>
        <translation>WeChat may restrict accounts that add too many friends a day; 20 or fewer is safer</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>应联系日期</source>
        <translation>Contact by</translation>
    </message>
    <message>
        <source>微信号</source>
        <translation>WeChat ID</translation>
    </message>
    <message>
        <source>打开卡片(&amp;O)</source>
        <translation>&amp;Open Card</translation>
    </message>
    <message>
        <source>标记已加好友(&amp;M)</source>
        <translation>&amp;Mark as Friend</translation>
    </message>
    <message>
        <source>记录跟进(&amp;L)</source>
        <translation>&amp;Log Follow-up</translation>
    </message>
    <message>
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>用模板逐个发送(&amp;T)…</source>
        <translation>Send with a &amp;Template One by One…</translation>
    </message>
    <message>
        <source>复制给下一位：复制填好的消息、记跟进、换下一位</source>
        <translation>Copy for the next one: copy the filled-in message, log the follow-up, move to the next person</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Contact channel</translation>
    </message>
    <message>
        <source>聊了什么</source>
        <translation>What you talked about</translation>
    </message>
    <message>
        <source>每日新加好友上限</source>
        <translation>New friends per day</translation>
    </message>
    <message>
        <source>下次联系</source>
        <translation>Next contact</translation>
    </message>
    <message>
        <source>今天生日</source>
        <translation>Birthday today</translation>
    </message>
    <message>
        <source>跟进到期</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <source>跟进逾期 %1 天</source>
        <translation>Follow-up %1 days overdue</translation>
    </message>
    <message>
        <source>加好友</source>
        <translation>Add as friend</translation>
    </message>
    <message>
        <source>用“生日祝福”模板逐个发送</source>
        <translation>Send them the “Birthday greeting” template, one by one</translation>
    </message>
    <message>
        <source>%1 人跟进到期；今天已加好友 %2 人，还可加 %3 人（列出 %4 人）。</source>
        <translation>%1 follow-ups due; %2 friends added today, %3 more allowed (%4 listed).</translation>
    </message>
    <message numerus="yes">
        <source>今天 %Ln 人生日；</source>
        <translation>
            <numerusform>%Ln birthday today; </numerusform>
            <numerusform>%Ln birthdays today; </numerusform>
        </translation>
    </message>
    <message>
        <source>日期无效</source>
        <translation>Invalid date</translation>
    </message>
</context>
<context>
    <name>ContributionSection</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>说明（如：分享了私域运营经验）</source>
        <translation>Description (e.g. shared private-traffic tips)</translation>
    </message>
    <message>
        <source>添加积分(&amp;P)</source>
        <translation>Add &amp;Points</translation>
    </message>
    <message>
        <source>删除所选记录(&amp;D)</source>
        <translation>&amp;Delete Selected Entries</translation>
    </message>
    <message>
        <source>积分 %1 · 等级 %2</source>
        <translation>%1 points · level %2</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>群主台遇到了问题</source>
        <translation>QunDesk Ran into a Problem</translation>
    </message>
    <message>
        <source>很抱歉，群主台出了一个意外错误，刚才的操作可能没有完成。已经保存的数据不受影响。

你可以继续使用。如果问题反复出现，请把下面的报告复制给开发者。报告里没有成员姓名、电话等个人信息。</source>
        <translation>Sorry, QunDesk hit an unexpected error and the last action may not have finished. Data already saved is not affected.

You can keep working. If this keeps happening, copy the report below and send it to the developers. It contains no personal data such as member names or phone numbers.</translation>
    </message>
    <message>
        <source>报告已保存到：%1</source>
        <translation>Report saved to: %1</translation>
    </message>
    <message>
        <source>复制报告(&amp;C)</source>
        <translation>&amp;Copy Report</translation>
    </message>
    <message>
        <source>打开日志文件夹(&amp;O)</source>
        <translation>&amp;Open Log Folder</translation>
    </message>
    <message>
        <source>退出群主台(&amp;Q)</source>
        <translation>&amp;Quit QunDesk</translation>
    </message>
    <message>
        <source>继续使用(&amp;N)</source>
        <translation>Co&amp;ntinue</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>导出名单</source>
        <translation>Export Roster</translation>
    </message>
    <message numerus="yes">
        <source>当前列表中的 %Ln 位成员（和成员页上的筛选、搜索一致）(&amp;T)</source>
        <translation>
            <numerusform>&amp;The %Ln member in the current list (as filtered and searched on the Members page)</numerusform>
            <numerusform>&amp;The %Ln members in the current list (as filtered and searched on the Members page)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>全部 %Ln 位成员（包括已退群的）(&amp;M)</source>
        <translation>
            <numerusform>All %Ln &amp;member (including those who left)</numerusform>
            <numerusform>All %Ln &amp;members (including those who left)</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel 表格 (.xlsx)(&amp;E)</source>
        <translation>&amp;Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>CSV（UTF-8，Excel 可直接打开）(&amp;C)</source>
        <translation>&amp;CSV (UTF-8, opens directly in Excel)</translation>
    </message>
    <message>
        <source>分享版通讯录（只含勾选的项，手机号打码为 138****8000）(&amp;H)</source>
        <translation>S&amp;hareable contact list (ticked fields only, mobiles masked as 138****8000)</translation>
    </message>
    <message>
        <source>全选(&amp;L)</source>
        <translation>Se&amp;lect All</translation>
    </message>
    <message>
        <source>全不选(&amp;S)</source>
        <translation>&amp;Select None</translation>
    </message>
    <message>
        <source>导出空白导入模板(&amp;P)…</source>
        <translation>Ex&amp;port Blank Import Template…</translation>
    </message>
    <message>
        <source>取消(&amp;A)</source>
        <translation>C&amp;ancel</translation>
    </message>
    <message>
        <source>导出(&amp;X)…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message numerus="yes">
        <source>将导出当前列表中的 %Ln 位成员</source>
        <translation>
            <numerusform>Exports the %Ln member in the current list</numerusform>
            <numerusform>Exports the %Ln members in the current list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>将导出全部 %Ln 位成员</source>
        <translation>
            <numerusform>Exports all %Ln member</numerusform>
            <numerusform>Exports all %Ln members</numerusform>
        </translation>
    </message>
    <message>
        <source>注意：Excel、WPS 和 LibreOffice 打开 CSV 时会去掉开头的 0（00123456 变成 123456）、把很长的数字改成科学计数法并丢掉后几位、把 3/4 这样的文字当成日期。要发给别人看或在表格软件里编辑，请选 .xlsx；CSV 适合导入到别的程序。</source>
        <translation>Note: Excel, WPS and LibreOffice drop leading zeros when they open a CSV (00123456 becomes 123456), turn long numbers into scientific notation and lose their last digits, and read text such as 3/4 as a date. To share the list or edit it in a spreadsheet, choose .xlsx; CSV is for importing into other programs.</translation>
    </message>
    <message>
        <source>导出的列</source>
        <translation>Columns to export</translation>
    </message>
    <message>
        <source>导出哪些列：</source>
        <translation>Columns to export:</translation>
    </message>
    <message>
        <source>（打码）</source>
        <translation> (masked)</translation>
    </message>
    <message>
        <source>请至少勾选一列。</source>
        <translation>Please tick at least one column.</translation>
    </message>
    <message>
        <source>通讯录</source>
        <translation>contact-list</translation>
    </message>
    <message>
        <source>成员名单</source>
        <translation>member-roster</translation>
    </message>
    <message>
        <source>导出到</source>
        <translation>Export To</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出名单</source>
        <translation>Exporting the roster</translation>
    </message>
    <message numerus="yes">
        <source>已导出 %Ln 位成员到 %1</source>
        <translation>
            <numerusform>Exported %Ln member to %1</numerusform>
            <numerusform>Exported %Ln members to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>选择名单文件</source>
        <translation>Choose a Roster File</translation>
    </message>
    <message>
        <source>支持 Excel（.xlsx / .xls）、LibreOffice（.ods）、CSV 和制表符分隔的 .txt。标题行、合并单元格、两行表头都能自动识别。</source>
        <translation>Excel (.xlsx / .xls), LibreOffice (.ods), CSV and tab-separated .txt files are supported. Title rows, merged cells and two-row headers are recognised automatically.</translation>
    </message>
    <message>
        <source>还没有选择文件</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <source>工作表：</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>选择文件(&amp;C)…</source>
        <translation>&amp;Choose File…</translation>
    </message>
    <message>
        <source>下载空白导入模板(&amp;G)…</source>
        <translation>&amp;Get a Blank Import Template…</translation>
    </message>
    <message>
        <source>名单文件 (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;所有文件 (*)</source>
        <translation>Roster files (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>格式：%1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <source>文字编码：%1，分隔符：%2</source>
        <translation>Encoding: %1, separator: %2</translation>
    </message>
    <message>
        <source>表头在第 %1 行，共 %2 列</source>
        <translation>Header in row %1, %2 columns</translation>
    </message>
    <message>
        <source>（请选择工作表）</source>
        <translation>(choose a sheet)</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>在群成员</source>
        <translation>Current members</translation>
    </message>
    <message>
        <source>已退群</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>含全部标签(&amp;A)</source>
        <translation>Has &amp;all tags</translation>
    </message>
    <message>
        <source>含任一标签(&amp;G)</source>
        <translation>Has any ta&amp;g</translation>
    </message>
    <message>
        <source>排除标签(&amp;X)</source>
        <translation>E&amp;xclude tags</translation>
    </message>
    <message>
        <source>入群不早于(&amp;J)</source>
        <translation>&amp;Joined on or after</translation>
    </message>
    <message>
        <source>不晚于(&amp;P)</source>
        <translation>u&amp;p to</translation>
    </message>
    <message>
        <source>超过(&amp;O)</source>
        <translation>&amp;Over</translation>
    </message>
    <message>
        <source> 天未联系</source>
        <translation> days without contact</translation>
    </message>
    <message>
        <source>生日：不限</source>
        <translation>Birthday: any</translation>
    </message>
    <message>
        <source>本周生日</source>
        <translation>Birthday this week</translation>
    </message>
    <message>
        <source>本月生日</source>
        <translation>Birthday this month</translation>
    </message>
    <message>
        <source>清除筛选(&amp;S)</source>
        <translation>Clear Filter&amp;s</translation>
    </message>
    <message>
        <source>所有群</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>所有角色</source>
        <translation>All roles</translation>
    </message>
    <message>
        <source>所有等级</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>已删除的群</source>
        <translation>Deleted group</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>欢迎使用群主台</source>
        <translation>Welcome to QunDesk</translation>
    </message>
    <message>
        <source>群主台帮你记住每一位成员、排好每周内容和活动，并打印周计划。
先给你的社群起个名字，然后选择开始方式：</source>
        <translation>QunDesk helps you remember every member, plan each week&apos;s content and activities, and print a weekly plan.
First give your community a name, then choose how to start:</translation>
    </message>
    <message>
        <source>社群名称</source>
        <translation>Community name</translation>
    </message>
    <message>
        <source>从空白开始(&amp;S)</source>
        <translation>&amp;Start empty</translation>
    </message>
    <message>
        <source>先看看示例社群（300 位示例成员）(&amp;E)</source>
        <translation>&amp;Explore a demo community first (300 sample members)</translation>
    </message>
    <message>
        <source>正在生成示例社群…</source>
        <translation>Creating the demo community…</translation>
    </message>
    <message>
        <source>示例数据生成失败</source>
        <translation>Could not create the demo data</translation>
    </message>
</context>
<context>
    <name>FirstStepsPanel</name>
    <message>
        <source>第一步清单</source>
        <translation>First steps</translation>
    </message>
    <message>
        <source>&lt;b&gt;第一步清单&lt;/b&gt;&#x3000;做完一步，这里会自动打勾</source>
        <translation>&lt;b&gt;First steps&lt;/b&gt;  each step ticks itself when you have done it</translation>
    </message>
    <message>
        <source>不再显示(&amp;D)</source>
        <translation>&amp;Don&apos;t Show Again</translation>
    </message>
    <message>
        <source>导入名单：把现有成员从 Excel、WPS 或问卷导出的表格导进来</source>
        <translation>Import the roster: bring your members in from an Excel, WPS or survey export</translation>
    </message>
    <message>
        <source>打标签：给几位成员打上标签（城市、兴趣、付费……），以后按标签筛选</source>
        <translation>Tag members: give a few members tags (city, interests, paid…) to filter by later</translation>
    </message>
    <message>
        <source>排本周：在内容日历里排一条内容，或新建一个活动</source>
        <translation>Plan the week: put a post on the content calendar, or create an activity</translation>
    </message>
    <message>
        <source>打印周计划：在“周计划”里打印或另存为 PDF，发到群里</source>
        <translation>Print the weekly plan: print it or save it as PDF on &quot;Weekly Plan&quot; and share it in the group</translation>
    </message>
    <message>
        <source>导入名单(&amp;I)…</source>
        <translation>&amp;Import Roster…</translation>
    </message>
    <message>
        <source>去打标签(&amp;G)</source>
        <translation>&amp;Go to Members</translation>
    </message>
    <message>
        <source>去排内容(&amp;C)</source>
        <translation>Go to &amp;Calendar</translation>
    </message>
    <message>
        <source>去周计划(&amp;P)</source>
        <translation>Go to Weekly &amp;Plan</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Not done yet</translation>
    </message>
</context>
<context>
    <name>FlowChart</name>
    <message>
        <source>每周入群 / 退群</source>
        <translation>Joined / left per week</translation>
    </message>
    <message>
        <source>近 6 个月(&amp;6)</source>
        <translation>Last &amp;6 months</translation>
    </message>
    <message>
        <source>近 12 个月(&amp;2)</source>
        <translation>Last 1&amp;2 months</translation>
    </message>
    <message>
        <source>入群</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>退群</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>%1（%2 起）：入群 %3，退群 %4</source>
        <translation>%1 (from %2): %3 joined, %4 left</translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>聊了什么</source>
        <translation>What you talked about</translation>
    </message>
    <message>
        <source>下次联系日期（可空）</source>
        <translation>Next contact date (optional)</translation>
    </message>
    <message>
        <source>记录跟进(&amp;L)</source>
        <translation>&amp;Log Follow-up</translation>
    </message>
    <message>
        <source>删除所选记录(&amp;D)</source>
        <translation>&amp;Delete Selected Entries</translation>
    </message>
    <message>
        <source>下次联系</source>
        <translation>Next contact</translation>
    </message>
    <message>
        <source>请填写有效日期</source>
        <translation>Please enter a valid date</translation>
    </message>
    <message>
        <source>日期无效</source>
        <translation>Invalid date</translation>
    </message>
</context>
<context>
    <name>GroupMessageDialog</name>
    <message>
        <source>群发提醒</source>
        <translation>Group reminder</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>群发文本</source>
        <translation>Group message text</translation>
    </message>
    <message>
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>模板(&amp;M)：</source>
        <translation>Te&amp;mplate:</translation>
    </message>
    <message>
        <source>还没有活动提醒模板：先在“消息模板”里新建一个。</source>
        <translation>There is no activity reminder template yet: make one in “Message templates” first.</translation>
    </message>
    <message numerus="yes">
        <source>@ %Ln 位已报名成员</source>
        <translation>
            <numerusform>@ %Ln signed-up member</numerusform>
            <numerusform>@ %Ln signed-up members</numerusform>
        </translation>
    </message>
    <message>
        <source>%1。改好文本再复制。</source>
        <translation>%1. Fix the text before copying.</translation>
    </message>
    <message>
        <source>还有没填好的占位符：%1。改好文本再复制。</source>
        <translation>Placeholders still without a value: %1. Fix the text before copying.</translation>
    </message>
    <message>
        <source>已复制群发提醒，到群里粘贴即可</source>
        <translation>Group reminder copied: paste it into the group</translation>
    </message>
</context>
<context>
    <name>GroupsDialog</name>
    <message>
        <source>群管理</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>群列表</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>群名</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>占用</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>删除群</source>
        <translation>Delete Group</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>新建群(&amp;N)</source>
        <translation>&amp;New Group</translation>
    </message>
    <message>
        <source>删除群(&amp;D)</source>
        <translation>&amp;Delete Group</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> members</translation>
    </message>
    <message>
        <source>群规：例如 禁止广告、每周五分享日……</source>
        <translation>Group rules, e.g. no ads, sharing day every Friday…</translation>
    </message>
    <message>
        <source>新人入群欢迎语</source>
        <translation>Welcome message for newcomers</translation>
    </message>
    <message>
        <source>群规</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>欢迎语</source>
        <translation>Welcome message</translation>
    </message>
    <message>
        <source>容量</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>复制群规(&amp;P)</source>
        <translation>Co&amp;py Rules</translation>
    </message>
    <message>
        <source>复制欢迎语(&amp;O)</source>
        <translation>C&amp;opy Welcome</translation>
    </message>
    <message>
        <source>保存此群(&amp;S)</source>
        <translation>&amp;Save Group</translation>
    </message>
    <message>
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>“%1”%2 人，已超出上限 %3 人</source>
        <translation>“%1” has %2 members, over the limit of %3</translation>
    </message>
    <message>
        <source>“%1”%2 人，还剩 %3 个位置</source>
        <translation>“%1” has %2 members, %3 places left</translation>
    </message>
    <message>
        <source>⚠ 群接近满员，请准备新群或清理不活跃成员：</source>
        <translation>⚠ Groups nearly full: prepare a new group or remove inactive members:</translation>
    </message>
    <message>
        <source>当前 %1 人</source>
        <translation>%1 members now</translation>
    </message>
    <message>
        <source>；QQ 群按等级可容纳 %1 人</source>
        <translation>; a QQ group holds %1 people by its level</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>新群</source>
        <translation>New group</translation>
    </message>
    <message numerus="yes">
        <source>删除群“%1”？其中 %Ln 位成员的群关系和角色会被移除（成员本身保留）。</source>
        <translation>
            <numerusform>Delete the group “%1”? The group membership and role of its %Ln member are removed (the member stays).</numerusform>
            <numerusform>Delete the group “%1”? The group membership and roles of its %Ln members are removed (the members themselves stay).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1已复制，可以粘贴到群里</source>
        <translation>%1 copied: paste it into the group</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>群名有问题，无法保存。确定放弃这些修改并关闭吗？</source>
        <translation>The group name has a problem and cannot be saved. Discard these changes and close?</translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <source>各群人数与容量</source>
        <translation>Group size and capacity</translation>
    </message>
    <message>
        <source>%1 人（不限人数）</source>
        <translation>%1 members (no limit)</translation>
    </message>
    <message>
        <source>接近满员：%1</source>
        <translation>Nearly full: %1</translation>
    </message>
    <message>
        <source>还没有建群。</source>
        <translation>No groups yet.</translation>
    </message>
</context>
<context>
    <name>GroupsSection</name>
    <message>
        <source>还没有群，可在“群管理”中添加</source>
        <translation>No groups yet: add them under “Groups”</translation>
    </message>
    <message>
        <source>%1 / %2 人</source>
        <translation>%1 / %2 members</translation>
    </message>
    <message>
        <source> · 接近满员</source>
        <translation> · nearly full</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>切换到 成员 / 内容日历 / 活动 / 周计划 / 概览</source>
        <translation>Switch to Members / Content Calendar / Activities / Weekly Plan / Overview</translation>
    </message>
    <message>
        <source>新建（成员、内容、活动）</source>
        <translation>New (member, content, activity)</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Delete the selection</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>导入名单 / 导出名单</source>
        <translation>Import / export a roster</translation>
    </message>
    <message>
        <source>打开其他数据库</source>
        <translation>Open another database</translation>
    </message>
    <message>
        <source>在控件之间移动（也会离开表格）</source>
        <translation>Move between controls (out of tables too)</translation>
    </message>
    <message>
        <source>方向键、Enter</source>
        <translation>Arrow keys, Enter</translation>
    </message>
    <message>
        <source>在表格里移动、打开所选</source>
        <translation>Move in a table, open the selection</translation>
    </message>
    <message>
        <source>复制给下一位：复制消息、记跟进、换下一位</source>
        <translation>Copy for the next one: copy the message, log the follow-up, move on</translation>
    </message>
    <message>
        <source>复制给下一位：跳过这一位</source>
        <translation>Copy for the next one: skip this person</translation>
    </message>
    <message>
        <source>使用指南</source>
        <translation>Guide</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>节假日</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>上一年</source>
        <translation>Previous year</translation>
    </message>
    <message>
        <source>下一年</source>
        <translation>Next year</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>休/班</source>
        <translation>Off/Work</translation>
    </message>
    <message>
        <source>例如：春节、公司年会调休</source>
        <translation>e.g. Spring Festival, company retreat</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>删除后，这一天按官方安排或推算显示</source>
        <translation>Afterwards the day follows the official schedule or the computed festivals</translation>
    </message>
    <message>
        <source>填写或更正一天</source>
        <translation>Enter or correct a day</translation>
    </message>
    <message>
        <source>保存这一天(&amp;S)</source>
        <translation>&amp;Save This Day</translation>
    </message>
    <message>
        <source>删除我的设置(&amp;R)</source>
        <translation>&amp;Remove My Entry</translation>
    </message>
    <message>
        <source>导入节假日日历（.ics）(&amp;I)…</source>
        <translation>&amp;Import Holiday Calendar (.ics)…</translation>
    </message>
    <message>
        <source>例如订阅的“中国节假日”日历导出的文件；其中的放假和调休上班日会作为你填的设置</source>
        <translation>For example a file exported from a subscribed “China holidays” calendar; its days off and working days become your entries</translation>
    </message>
    <message>
        <source>%1 年的放假和调休安排来自国务院办公厅的通知。</source>
        <translation>The %1 days off and working days are the State Council&apos;s official schedule.</translation>
    </message>
    <message>
        <source>%1 年的官方放假安排还没有收录：下面的节日是按农历和节气推算的，标为“待公布”，也还没有调休上班日。通知公布后，请在下面填写放假和调休上班的日子，或导入节假日日历（.ics）。</source>
        <translation>The official schedule for %1 is not in the app yet: the festivals below are computed from the lunar calendar and solar terms and marked “provisional”, and there are no adjusted working days yet. Once the schedule is published, enter the days off and working days below, or import a holiday calendar (.ics).</translation>
    </message>
    <message numerus="yes">
        <source>你填写的 %Ln 天优先于官方安排和推算。</source>
        <translation>
            <numerusform>Your %Ln entry wins over the official schedule and the computed days.</numerusform>
            <numerusform>Your %Ln entries win over the official schedule and the computed days.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 现在：%2</source>
        <translation>%1 now: %2</translation>
    </message>
    <message>
        <source>已保存 %1：%2</source>
        <translation>Saved %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>已删除 %Ln 天的设置</source>
        <translation>
            <numerusform>Removed your entry for %Ln day</numerusform>
            <numerusform>Removed your entries for %Ln days</numerusform>
        </translation>
    </message>
    <message>
        <source>导入节假日日历</source>
        <translation>Import Holiday Calendar</translation>
    </message>
    <message>
        <source>iCalendar 文件 (*.ics)</source>
        <translation>iCalendar files (*.ics)</translation>
    </message>
    <message numerus="yes">
        <source>（另有 %Ln 个不是全天的事件，没有导入）</source>
        <translation>
            <numerusform> (%Ln event that is not a whole day was not imported)</numerusform>
            <numerusform> (%Ln events that are not whole days were not imported)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>导入名单</source>
        <translation>Import Roster</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>下一步(&amp;N)</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>上一步(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>完成(&amp;F)</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>正在读取 %1 …</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>读取名单</source>
        <translation>Reading the roster</translation>
    </message>
    <message>
        <source>检查每一行</source>
        <translation>Checking every row</translation>
    </message>
    <message>
        <source>检查重复</source>
        <translation>Looking for duplicates</translation>
    </message>
    <message>
        <source>正在导入名单</source>
        <translation>Importing the roster</translation>
    </message>
    <message>
        <source>导入失败，数据没有任何改变。</source>
        <translation>The import failed; nothing was changed.</translation>
    </message>
    <message>
        <source>已取消导入，数据没有任何改变。</source>
        <translation>Import cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>撤销导入</source>
        <translation>Undo Import</translation>
    </message>
    <message>
        <source>删除这次导入新建的成员，并把更新过的成员恢复原样？</source>
        <translation>Delete the members this import created and restore the members it updated?</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>编辑内容</source>
        <translation>Edit Post</translation>
    </message>
    <message>
        <source>新建内容</source>
        <translation>New Post</translation>
    </message>
    <message>
        <source>仅此一次</source>
        <translation>This occurrence</translation>
    </message>
    <message>
        <source>整个系列</source>
        <translation>Whole series</translation>
    </message>
    <message>
        <source>修改范围：</source>
        <translation>Apply to:</translation>
    </message>
    <message>
        <source>例如：每日资讯早报、周三读书会</source>
        <translation>e.g. daily news digest, Wednesday book club</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>不设时长</source>
        <translation>No duration</translation>
    </message>
    <message>
        <source>要发到群里的正文（可一键复制，直接粘贴到微信）</source>
        <translation>The text to post in the group (copy it with one click and paste into WeChat)</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>重复</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>目标群</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>主讲/负责人</source>
        <translation>Speaker / owner</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>关联活动</source>
        <translation>Linked activity</translation>
    </message>
    <message>
        <source>暂不排期（放入点子库）(&amp;N)</source>
        <translation>&amp;Not scheduled yet (keep in the idea pool)</translation>
    </message>
    <message>
        <source>全天(&amp;A)</source>
        <translation>&amp;All day</translation>
    </message>
    <message>
        <source>管理类型(&amp;M)…</source>
        <translation>&amp;Manage Types…</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>复制正文(&amp;C)</source>
        <translation>&amp;Copy Text</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>修改会用于整个系列；单独改过的那几次保持不变。</source>
        <translation>Changes apply to the whole series; occurrences edited on their own stay as they are.</translation>
    </message>
    <message>
        <source>删除整个系列</source>
        <translation>Delete Whole Series</translation>
    </message>
    <message>
        <source>只修改这一次（%1），系列的其他日期不变。</source>
        <translation>Only this occurrence (%1) changes; the rest of the series stays.</translation>
    </message>
    <message>
        <source>删除这一次</source>
        <translation>Delete This Occurrence</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>整个系列需要一个重复规则。</source>
        <translation>A whole series needs a repeat rule.</translation>
    </message>
    <message>
        <source>已更新整个系列</source>
        <translation>Whole series updated</translation>
    </message>
    <message>
        <source>已更新这一次</source>
        <translation>This occurrence updated</translation>
    </message>
    <message>
        <source>已创建重复内容</source>
        <translation>Repeating post created</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>删除整个系列“%1”？已单独修改的各次也会一起删除。</source>
        <translation>Delete the whole series “%1”? Occurrences edited on their own are deleted too.</translation>
    </message>
    <message>
        <source>删除“%1”？</source>
        <translation>Delete “%1”?</translation>
    </message>
    <message>
        <source>删除内容</source>
        <translation>Delete Post</translation>
    </message>
    <message>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>正文已复制，可直接粘贴到微信</source>
        <translation>Text copied; paste it straight into WeChat</translation>
    </message>
</context>
<context>
    <name>JielongDialog</name>
    <message>
        <source>没有需要更改的。</source>
        <translation>Nothing needed changing.</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>粘贴接龙 · %1</source>
        <translation>Paste sign-up list · %1</translation>
    </message>
    <message>
        <source>粘贴签到接龙 · %1</source>
        <translation>Paste check-in list · %1</translation>
    </message>
    <message>
        <source>在微信里长按接龙消息，复制，然后粘贴到这里（可以直接修改）：</source>
        <translation>In WeChat, long-press the 接龙 (sign-up chain) message, copy it, and paste it here (you can edit it):</translation>
    </message>
    <message>
        <source>粘贴当天的签到接龙：接龙里的人会被签到并获得参加活动积分。</source>
        <translation>Paste the day&apos;s check-in 接龙: everyone on it is checked in and earns the attendance points.</translation>
    </message>
    <message>
        <source>接龙文字</source>
        <translation>Sign-up list text</translation>
    </message>
    <message>
        <source>预览概况</source>
        <translation>Preview summary</translation>
    </message>
    <message>
        <source>接龙预览</source>
        <translation>Sign-up list preview</translation>
    </message>
    <message>
        <source>选择成员…</source>
        <translation>Choose a member…</translation>
    </message>
    <message>
        <source>所选行的处理方式</source>
        <translation>What to do with the selected line</translation>
    </message>
    <message>
        <source>已不在接龙里的人</source>
        <translation>People no longer on the list</translation>
    </message>
    <message>
        <source>为未找到的人新建成员卡片（来源：群接龙）(&amp;M)</source>
        <translation>&amp;Make a member card for each person not found (source: 群接龙)</translation>
    </message>
    <message>
        <source>报名(&amp;S)</source>
        <translation>&amp;Sign-ups</translation>
    </message>
    <message>
        <source>匹配成员</source>
        <translation>Matching members</translation>
    </message>
    <message>
        <source>读取失败：%1</source>
        <translation>Could not read it: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln 位上次接龙里的人已不在这次的接龙里。勾选的将取消报名（默认保留）：</source>
        <translation>
            <numerusform>%Ln person from the last paste is no longer on this list. Tick to cancel their sign-up (kept by default):</numerusform>
            <numerusform>%Ln people from the last paste are no longer on this list. Tick to cancel their sign-ups (kept by default):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln 位上次签到的人已不在这次的签到接龙里。勾选的将取消签到（默认保留）：</source>
        <translation>
            <numerusform>%Ln person checked in last time is no longer on this list. Tick to undo their check-in (kept by default):</numerusform>
            <numerusform>%Ln people checked in last time are no longer on this list. Tick to undo their check-ins (kept by default):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln 行</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
    <message>
        <source>匹配 %1</source>
        <translation>%1 matched</translation>
    </message>
    <message>
        <source>可能 %1</source>
        <translation>%1 probable</translation>
    </message>
    <message>
        <source>待选择 %1</source>
        <translation>%1 to choose</translation>
    </message>
    <message>
        <source>未找到 %1</source>
        <translation>%1 not found</translation>
    </message>
    <message>
        <source>已登记 %1</source>
        <translation>%1 already taken</translation>
    </message>
    <message numerus="yes">
        <source>重复 %Ln 行已忽略</source>
        <translation>
            <numerusform>%Ln repeated line ignored</numerusform>
            <numerusform>%Ln repeated lines ignored</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>没有读到接龙的编号行。请粘贴整条接龙消息。</source>
        <translation>No numbered lines found. Paste the whole 接龙 message.</translation>
    </message>
    <message numerus="yes">
        <source>报名 %Ln 人(&amp;S)</source>
        <translation>
            <numerusform>&amp;Sign up %Ln person</numerusform>
            <numerusform>&amp;Sign up %Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>签到 %Ln 人(&amp;C)</source>
        <translation>
            <numerusform>&amp;Check in %Ln person</numerusform>
            <numerusform>&amp;Check in %Ln people</numerusform>
        </translation>
    </message>
    <message>
        <source>签到后到场 %1 人，报名共 %2 人（都含同伴）</source>
        <translation>After check-in: %1 present, %2 signed up (companions included)</translation>
    </message>
    <message>
        <source>现有报名 %1 人，确认后共 %2 人（含同伴）</source>
        <translation>%1 people signed up now, %2 after confirming (companions included)</translation>
    </message>
    <message>
        <source>名额 %1 人：现有报名 %2 人，确认后共 %3 人（含同伴）</source>
        <translation>Capacity %1: %2 people signed up now, %3 after confirming (companions included)</translation>
    </message>
    <message>
        <source>，超出名额 %1 人</source>
        <translation>, over capacity by %1</translation>
    </message>
    <message>
        <source>第 %1 行“%2”：</source>
        <translation>Line %1 “%2”:</translation>
    </message>
    <message>
        <source>所选行：</source>
        <translation>Selected line:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln 人报名</source>
        <translation>
            <numerusform>%Ln person signed up</numerusform>
            <numerusform>%Ln people signed up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln 人签到</source>
        <translation>
            <numerusform>%Ln person checked in</numerusform>
            <numerusform>%Ln people checked in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>更新 %Ln 人的同伴人数</source>
        <translation>
            <numerusform>companions updated for %Ln person</numerusform>
            <numerusform>companions updated for %Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>新建成员 %Ln 位</source>
        <translation>
            <numerusform>%Ln new member card</numerusform>
            <numerusform>%Ln new member cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>取消 %Ln 人</source>
        <translation>
            <numerusform>%Ln cancelled</numerusform>
            <numerusform>%Ln cancelled</numerusform>
        </translation>
    </message>
    <message>
        <source>已完成：%1。可用“编辑 &gt; 撤销”撤回。</source>
        <translation>Done: %1. Edit &gt; Undo takes it back.</translation>
    </message>
    <message>
        <source>名额 %1 人，确认后报名共 %2 人（含同伴），超出 %3 人。

仍然全部报名吗？选“取消”回到预览，可以把部分行改为跳过。</source>
        <translation>The capacity is %1; after confirming %2 people are signed up (companions included), %3 over.

Sign them all up anyway? Choose Cancel to go back to the preview and skip some lines.</translation>
    </message>
    <message>
        <source>超出名额</source>
        <translation>Over capacity</translation>
    </message>
    <message>
        <source>取消报名</source>
        <translation>Cancel sign-ups</translation>
    </message>
    <message>
        <source>取消签到</source>
        <translation>Undo check-ins</translation>
    </message>
    <message numerus="yes">
        <source>将取消 %Ln 人的报名，已签到的活动积分也会扣回。</source>
        <translation>
            <numerusform>%Ln sign-up will be cancelled; attendance points earned are taken back.</numerusform>
            <numerusform>%Ln sign-ups will be cancelled; attendance points earned are taken back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>将取消 %Ln 人的签到，活动积分会扣回。</source>
        <translation>
            <numerusform>%Ln check-in will be undone; its attendance points are taken back.</numerusform>
            <numerusform>%Ln check-ins will be undone; their attendance points are taken back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JielongPreviewModel</name>
    <message>
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>接龙内容</source>
        <translation>Line as written</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>同伴</source>
        <translation>Companions</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>匹配</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>新建成员“%1”</source>
        <translation>New member “%1”</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>已退群</source>
        <translation>left</translation>
    </message>
    <message>
        <source>匹配 %1%</source>
        <translation>Matched %1%</translation>
    </message>
    <message>
        <source>可能 %1%</source>
        <translation>Probably %1%</translation>
    </message>
    <message numerus="yes">
        <source>%Ln 位同名</source>
        <translation>
            <numerusform>%Ln candidate</numerusform>
            <numerusform>%Ln candidates</numerusform>
        </translation>
    </message>
    <message>
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Already taken</translation>
    </message>
    <message>
        <source>上次粘贴已登记这一行：%1</source>
        <translation>An earlier paste already took this line: %1</translation>
    </message>
    <message>
        <source>微信号</source>
        <translation>WeChat ID</translation>
    </message>
    <message>
        <source>群昵称</source>
        <translation>group nickname</translation>
    </message>
    <message>
        <source>微信昵称</source>
        <translation>WeChat name</translation>
    </message>
    <message>
        <source>群昵称的第一段</source>
        <translation>first part of the group nickname</translation>
    </message>
    <message>
        <source>接龙名字的第一段</source>
        <translation>first part of the name on the list</translation>
    </message>
    <message>
        <source>拼音</source>
        <translation>pinyin</translation>
    </message>
    <message>
        <source>无变化（%1）</source>
        <translation>No change (%1)</translation>
    </message>
    <message>
        <source>选择成员…</source>
        <translation>Choose a member…</translation>
    </message>
    <message>
        <source>已报名，更新同伴人数</source>
        <translation>signed up; companions updated</translation>
    </message>
    <message>
        <source>报名</source>
        <comment>what a line does</comment>
        <translation>sign up</translation>
    </message>
    <message>
        <source>已报名</source>
        <translation>already signed up</translation>
    </message>
    <message>
        <source>已签到</source>
        <translation>already checked in</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>check in</translation>
    </message>
    <message>
        <source>未报名，现场签到</source>
        <translation>walk-in: signed up and checked in</translation>
    </message>
    <message>
        <source>与上面的行重复，跳过</source>
        <translation>same member as a line above: skipped</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>KindsDialog</name>
    <message>
        <source>内容类型</source>
        <translation>Content Types</translation>
    </message>
    <message>
        <source>类型名称</source>
        <translation>Type name</translation>
    </message>
    <message>
        <source>颜色(&amp;C)…</source>
        <translation>&amp;Colour…</translation>
    </message>
    <message>
        <source>新增(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>保存修改(&amp;S)</source>
        <translation>&amp;Save Changes</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>%1（%2 项）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>“其他”是兜底类型，不能删除。</source>
        <translation>“Other” is the fallback type and cannot be deleted.</translation>
    </message>
    <message>
        <source>删除类型“%1”？用到它的内容会归入“其他”。</source>
        <translation>Delete the type “%1”? Posts using it move to “Other”.</translation>
    </message>
</context>
<context>
    <name>LayerSwitch</name>
    <message>
        <source>显示生日(&amp;B)</source>
        <translation>Show &amp;birthdays</translation>
    </message>
    <message>
        <source>在月视图和周视图里显示成员生日（农历生日按今年的日子），导出 .ics 时也一并导出</source>
        <translation>Show members&apos; birthdays in the month and week views (lunar birthdays on this year&apos;s day); the .ics export then includes them too</translation>
    </message>
</context>
<context>
    <name>LevelsDialog</name>
    <message>
        <source>等级与积分规则</source>
        <translation>Levels and Points</translation>
    </message>
    <message>
        <source>起始积分</source>
        <translation>From points</translation>
    </message>
    <message>
        <source>等级名称</source>
        <translation>Level name</translation>
    </message>
    <message>
        <source>在群人数</source>
        <translation>Current members</translation>
    </message>
    <message>
        <source>添加等级(&amp;A)</source>
        <translation>&amp;Add Level</translation>
    </message>
    <message>
        <source>删除所选等级(&amp;D)</source>
        <translation>&amp;Delete Selected Level</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>取消(&amp;C)</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source> 分</source>
        <translation> pts</translation>
    </message>
    <message>
        <source>积分达到“起始积分”即升到该等级；最低一级从 0 开始。</source>
        <translation>A member reaches a level at its “From points”; the lowest level starts at 0.</translation>
    </message>
    <message>
        <source>会员等级</source>
        <translation>Member levels</translation>
    </message>
    <message>
        <source>每类贡献的默认积分</source>
        <translation>Default points per contribution type</translation>
    </message>
</context>
<context>
    <name>List</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>ListColumns</name>
    <message>
        <source>恢复默认列</source>
        <translation>Default Columns</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <source>查看全部(&amp;A)</source>
        <translation>Show &amp;All</translation>
    </message>
    <message>
        <source>在成员列表中查看全部</source>
        <translation>Show All in the Member List</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>内容日历</source>
        <translation>Content Calendar</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>周计划</source>
        <translation>Weekly Plan</translation>
    </message>
    <message>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>导入名单(&amp;I)…</source>
        <translation>&amp;Import Roster…</translation>
    </message>
    <message>
        <source>导出名单(&amp;E)…</source>
        <translation>&amp;Export Roster…</translation>
    </message>
    <message>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back Up Now</translation>
    </message>
    <message>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from Backup…</translation>
    </message>
    <message>
        <source>打开数据库(&amp;O)…</source>
        <translation>&amp;Open Database…</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>关于群主台(&amp;A)</source>
        <translation>&amp;About QunDesk</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>消息模板(&amp;M)…</source>
        <translation>&amp;Message Templates…</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>键盘快捷键(&amp;K)</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>撤销：%1(&amp;U)</source>
        <translation>&amp;Undo: %1</translation>
    </message>
    <message>
        <source>数据库文件“%1”不见了（文件夹被删除、移动，或 U 盘已拔出），之后的修改无法保存。群主台仍打开着这份数据，请另存一份副本。</source>
        <translation>The database file “%1” has gone (its folder was deleted or moved, or the USB drive was removed); changes can no longer be saved. QunDesk still has the data open: save a copy now.</translation>
    </message>
    <message>
        <source>另存副本(&amp;S)…</source>
        <translation>&amp;Save a copy…</translation>
    </message>
    <message>
        <source>只读：%1。可以浏览、搜索、导出和打印，但不能修改。</source>
        <translation>Read-only: %1. You can browse, search, export and print, but not change anything.</translation>
    </message>
    <message>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>没有保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>另存数据库副本</source>
        <translation>Save a copy of the database</translation>
    </message>
    <message>
        <source>群主台数据库 (*.sqlite3)</source>
        <translation>QunDesk database (*.sqlite3)</translation>
    </message>
    <message>
        <source>无法另存</source>
        <translation>Cannot save the copy</translation>
    </message>
    <message>
        <source>已另存</source>
        <translation>Copy saved</translation>
    </message>
    <message>
        <source>已保存到“%1”。现在打开这份副本继续工作吗？</source>
        <translation>Saved to “%1”. Open this copy now and carry on working?</translation>
    </message>
    <message>
        <source>没有可以撤销的操作</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <source>已撤销：%1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <source>键盘快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>群主台</source>
        <translation>QunDesk</translation>
    </message>
    <message>
        <source>无法备份</source>
        <translation>Cannot back up</translation>
    </message>
    <message>
        <source>语言 / Language(&amp;L)</source>
        <translation>&amp;Language / 语言</translation>
    </message>
    <message>
        <source>外观(&amp;C)</source>
        <translation>Appearan&amp;ce</translation>
    </message>
    <message>
        <source>使用指南(&amp;G)</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <source>已备份到 %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from Backup</translation>
    </message>
    <message>
        <source>用备份“%1”替换当前数据？当前数据会先自动备份。</source>
        <translation>Replace the current data with the backup “%1”? The current data is backed up first.</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>已恢复。恢复前的数据保存在 %1</source>
        <translation>Restored. The data from before is saved in %1</translation>
    </message>
    <message>
        <source>打开数据库</source>
        <translation>Open Database</translation>
    </message>
    <message>
        <source>群主台数据库 (*.sqlite3 *.db)</source>
        <translation>QunDesk databases (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>正在检查数据库…</source>
        <translation>Checking the database…</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>核对列的对应关系</source>
        <translation>Check the Column Mapping</translation>
    </message>
    <message>
        <source>每一列导入到成员卡片的哪一项？认不出的列可以改成自定义字段或忽略。下次导入表头相同的文件会记住这里的选择。</source>
        <translation>Which member card field does each column go to? Unrecognised columns can become custom fields or be ignored. Files with the same headers will remember these choices.</translation>
    </message>
    <message>
        <source>表中的列</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>前几行的内容</source>
        <translation>First rows</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>（忽略这一列）</source>
        <translation>(ignore this column)</translation>
    </message>
    <message>
        <source>自定义：%1</source>
        <translation>Custom: %1</translation>
    </message>
    <message>
        <source>新建自定义字段“%1”</source>
        <translation>New custom field “%1”</translation>
    </message>
    <message>
        <source>没有对应“姓名”、“群昵称”或“微信昵称”的列：每位成员至少要有一个名字。</source>
        <translation>No column is mapped to “Name”, “Group nickname” or “WeChat name”: every member needs a name.</translation>
    </message>
    <message>
        <source>这些项对应了多列，只会用最后一列：%1</source>
        <translation>These fields have several columns; only the last one is used: %1</translation>
    </message>
</context>
<context>
    <name>MemberCardDialog</name>
    <message>
        <source>新建成员</source>
        <translation>New Member</translation>
    </message>
    <message>
        <source>成员卡片</source>
        <translation>Member Card</translation>
    </message>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>取消(&amp;C)</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>只读：%1，不能保存修改。</source>
        <translation>Read-only: %1; changes cannot be saved.</translation>
    </message>
    <message>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>群昵称</source>
        <translation>Group nickname</translation>
    </message>
    <message>
        <source>微信昵称</source>
        <translation>WeChat name</translation>
    </message>
    <message>
        <source>微信号</source>
        <translation>WeChat ID</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>QQ号</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>City</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>职位</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>公司</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>擅长领域</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <source>个人诉求</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>爱好</source>
        <translation>Hobbies</translation>
    </message>
    <message>
        <source>家人</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>来源渠道</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>邀请人</source>
        <translation>Invited by</translation>
    </message>
    <message>
        <source>入群时间</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>退群时间</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>入群费（元）</source>
        <translation>Entry fee (CNY)</translation>
    </message>
    <message>
        <source>已加好友</source>
        <translation>Friend added</translation>
    </message>
    <message>
        <source>下次联系</source>
        <translation>Next contact</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>6–20 位字母、数字、_ 或 -</source>
        <translation>6–20 letters, digits, _ or -</translation>
    </message>
    <message>
        <source>手机号，或带区号的座机号（如 021-12345678）</source>
        <translation>Mobile, or a landline with its area code (such as 021-12345678)</translation>
    </message>
    <message>
        <source>字段名，如“T恤尺码”</source>
        <translation>Field name, e.g. “T-shirt size”</translation>
    </message>
    <message>
        <source>添加自定义字段(&amp;U)</source>
        <translation>Add C&amp;ustom Field</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <source>自定义字段</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>职业与诉求</source>
        <translation>Work and needs</translation>
    </message>
    <message>
        <source>社群</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>所在群与角色</source>
        <translation>Groups and roles</translation>
    </message>
    <message>
        <source>跟进</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>跟进记录</source>
        <translation>Follow-up log</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>邀请关系</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>分享场次</source>
        <translation>Talks given</translation>
    </message>
    <message>
        <source>保存成员后可记录</source>
        <translation>Available once the member is saved</translation>
    </message>
    <message>
        <source>这位成员已被删除，卡片无法保存。</source>
        <translation>This member has been deleted; the card cannot be saved.</translation>
    </message>
    <message>
        <source>最近联系：%1</source>
        <translation>Last contact: %1</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>加好友日期：%1</source>
        <translation>Friend since: %1</translation>
    </message>
    <message>
        <source>新成员</source>
        <translation>New member</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 积分</source>
        <translation>%1 · %2 · %3 points</translation>
    </message>
    <message>
        <source> · 已退群</source>
        <translation> · left the group</translation>
    </message>
    <message>
        <source>成员卡片 - %1</source>
        <translation>Member Card - %1</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard Changes</translation>
    </message>
    <message>
        <source>这张卡片有未保存的修改，确定不保存就关闭吗？</source>
        <translation>This card has unsaved changes. Close without saving?</translation>
    </message>
    <message>
        <source>请从下拉列表中选择邀请人（或清空）</source>
        <translation>Choose the inviter from the list (or clear it)</translation>
    </message>
</context>
<context>
    <name>MemberColumns</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>群昵称</source>
        <translation>Group nickname</translation>
    </message>
    <message>
        <source>微信昵称</source>
        <translation>WeChat name</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>所在群</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>微信号</source>
        <translation>WeChat ID</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>City</translation>
    </message>
    <message>
        <source>公司</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>职位</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>入群时间</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>最近联系</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>下次联系</source>
        <translation>Next contact</translation>
    </message>
    <message>
        <source>来源渠道</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>邀请人</source>
        <translation>Invited by</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>已加好友</source>
        <translation>Friend added</translation>
    </message>
    <message>
        <source>退群时间</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>MemberForms</name>
    <message>
        <source>群主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>KOL</source>
        <translation>KOL</translation>
    </message>
    <message>
        <source>种子用户</source>
        <translation>Seed user</translation>
    </message>
    <message>
        <source>分享者</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>见面</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>最佳分享</source>
        <translation>Best talk</translation>
    </message>
    <message>
        <source>解答问题</source>
        <translation>Answered questions</translation>
    </message>
    <message>
        <source>邀请新人</source>
        <translation>Invited newcomers</translation>
    </message>
    <message>
        <source>参加活动</source>
        <translation>Joined an activity</translation>
    </message>
    <message>
        <source>微信群</source>
        <translation>WeChat group</translation>
    </message>
    <message>
        <source>QQ群</source>
        <translation>QQ group</translation>
    </message>
    <message>
        <source>知识星球</source>
        <translation>Zhishi Xingqiu</translation>
    </message>
    <message>
        <source>想法</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>已发布</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>已跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <source>输入姓名、昵称或拼音（如 zs）</source>
        <translation>Type a name, nickname or pinyin (e.g. zs)</translation>
    </message>
</context>
<context>
    <name>MemberSearchList</name>
    <message>
        <source>搜索姓名、昵称、微信号或拼音（如 zs）</source>
        <translation>Search name, nickname, WeChat ID or pinyin (e.g. zs)</translation>
    </message>
    <message>
        <source>找到的成员</source>
        <translation>Members found</translation>
    </message>
    <message>
        <source>[已报名]</source>
        <translation>[signed up]</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>搜索姓名、拼音、首字母、群昵称、微信号、手机号、标签、备注…</source>
        <translation>Search name, pinyin, initials, nickname, WeChat ID, mobile, tags, notes…</translation>
    </message>
    <message>
        <source>成员列表</source>
        <translation>Member list</translation>
    </message>
    <message>
        <source>还没有成员</source>
        <translation>No members yet</translation>
    </message>
    <message>
        <source>从 Excel、WPS 或问卷导出的名单开始，或者一位一位新建。不知道名单该是什么样？下载模板照着填，或先看看示例社群。</source>
        <translation>Start from a roster exported from Excel, WPS or a survey, or add members one by one. Not sure what a roster looks like? Download the template and fill it in, or look at the demo community first.</translation>
    </message>
    <message numerus="yes">
        <source>删除 %Ln 位成员？他们的标签、群身份、跟进和积分记录也会删除。删除前会自动备份，之后可以用“撤销”(Ctrl+Z) 恢复。</source>
        <translation>
            <numerusform>Delete %Ln member? Their tags, group roles, follow-ups and points are deleted too. A backup is made first, and Undo (Ctrl+Z) brings them back.</numerusform>
            <numerusform>Delete %Ln members? Their tags, group roles, follow-ups and points are deleted too. A backup is made first, and Undo (Ctrl+Z) brings them back.</numerusform>
        </translation>
    </message>
    <message>
        <source>删除成员</source>
        <translation>Delete Members</translation>
    </message>
    <message numerus="yes">
        <source>已删除 %Ln 位成员（可撤销）</source>
        <translation>
            <numerusform>Deleted %Ln member (can be undone)</numerusform>
            <numerusform>Deleted %Ln members (can be undone)</numerusform>
        </translation>
    </message>
    <message>
        <source>正在删除成员</source>
        <translation>Deleting members</translation>
    </message>
    <message>
        <source>指定成员</source>
        <translation>Chosen members</translation>
    </message>
    <message>
        <source>正在显示：%1&#x3000;&lt;a href=&apos;#&apos;&gt;显示全部&lt;/a&gt;</source>
        <translation>Showing: %1&#x3000;&lt;a href=&apos;#&apos;&gt;Show all&lt;/a&gt;</translation>
    </message>
    <message numerus="yes">
        <source>显示 %1 / 共 %Ln 位成员（含已退群 %2 位）</source>
        <translation>
            <numerusform>Showing %1 of %Ln member (%2 who left included)</numerusform>
            <numerusform>Showing %1 of %Ln members (%2 who left included)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>显示 %1 / 共 %Ln 位成员</source>
        <translation>
            <numerusform>Showing %1 of %Ln member</numerusform>
            <numerusform>Showing %1 of %Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，已选 %Ln 位</source>
        <translation>
            <numerusform>, %Ln selected</numerusform>
            <numerusform>, %Ln selected</numerusform>
        </translation>
    </message>
    <message>
        <source>正在生成示例社群…</source>
        <translation>Creating the demo community…</translation>
    </message>
    <message>
        <source>打开成员卡片</source>
        <translation>Open Member Card</translation>
    </message>
    <message>
        <source>已添加标签</source>
        <translation>Tag added</translation>
    </message>
    <message>
        <source>已移除标签</source>
        <translation>Tag removed</translation>
    </message>
    <message>
        <source>加入群(&amp;G)</source>
        <translation>Add to &amp;Group</translation>
    </message>
    <message>
        <source>已加入群</source>
        <translation>Added to group</translation>
    </message>
    <message>
        <source>标记为已退群</source>
        <translation>Mark as Left</translation>
    </message>
    <message>
        <source>已标记为退群</source>
        <translation>Marked as left</translation>
    </message>
    <message>
        <source>筛选(&amp;L)</source>
        <translation>Fi&amp;lter</translation>
    </message>
    <message>
        <source>新建成员(&amp;N)</source>
        <translation>&amp;New Member</translation>
    </message>
    <message>
        <source>批量操作(&amp;B)</source>
        <translation>&amp;Bulk Actions</translation>
    </message>
    <message>
        <source>管理(&amp;M)</source>
        <translation>&amp;Manage</translation>
    </message>
    <message>
        <source>群管理(&amp;U)…</source>
        <translation>Gro&amp;ups…</translation>
    </message>
    <message>
        <source>标签管理(&amp;G)…</source>
        <translation>Ta&amp;gs…</translation>
    </message>
    <message>
        <source>等级与积分规则(&amp;L)…</source>
        <translation>&amp;Levels and Points…</translation>
    </message>
    <message>
        <source>消息模板(&amp;S)…</source>
        <translation>Me&amp;ssage Templates…</translation>
    </message>
    <message>
        <source>今日待联系(&amp;T)</source>
        <translation>&amp;To Contact Today</translation>
    </message>
    <message>
        <source>列(&amp;C)</source>
        <translation>&amp;Columns</translation>
    </message>
    <message>
        <source>导入名单(&amp;I)…</source>
        <translation>&amp;Import Roster…</translation>
    </message>
    <message>
        <source>新建成员(&amp;R)</source>
        <translation>New Membe&amp;r</translation>
    </message>
    <message>
        <source>下载模板(&amp;W)…</source>
        <translation>Do&amp;wnload Template…</translation>
    </message>
    <message>
        <source>看看示例社群(&amp;Y)</source>
        <translation>Tr&amp;y the Demo Community</translation>
    </message>
    <message>
        <source>添加标签(&amp;A)</source>
        <translation>&amp;Add Tag</translation>
    </message>
    <message>
        <source>移除标签(&amp;R)</source>
        <translation>&amp;Remove Tag</translation>
    </message>
    <message>
        <source>标记为已退群(&amp;M)</source>
        <translation>&amp;Mark as Left</translation>
    </message>
    <message>
        <source>导出所选(&amp;X)…</source>
        <translation>E&amp;xport Selected…</translation>
    </message>
    <message>
        <source>导出当前列表(&amp;E)…</source>
        <translation>&amp;Export This List…</translation>
    </message>
    <message>
        <source>复制给下一位(&amp;O)…</source>
        <translation>C&amp;opy for the Next One…</translation>
    </message>
    <message>
        <source>删除(&amp;D)…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>导出所选…</source>
        <translation>Export Selected…</translation>
    </message>
    <message numerus="yes">
        <source>（%Ln 位成员，可撤销）</source>
        <translation>
            <numerusform> (%Ln member, can be undone)</numerusform>
            <numerusform> (%Ln members, can be undone)</numerusform>
        </translation>
    </message>
    <message>
        <source>正在修改所选成员</source>
        <translation>Updating the selected members</translation>
    </message>
</context>
<context>
    <name>NewFromTemplateDialog</name>
    <message>
        <source>从模板新建活动</source>
        <translation>New Activity from Template</translation>
    </message>
    <message>
        <source>活动模板</source>
        <translation>Activity templates</translation>
    </message>
    <message>
        <source>创建活动(&amp;C)</source>
        <translation>&amp;Create Activity</translation>
    </message>
    <message>
        <source>删除模板</source>
        <translation>Delete Template</translation>
    </message>
    <message>
        <source>清单预览</source>
        <translation>Checklist preview</translation>
    </message>
    <message>
        <source>删除模板(&amp;D)</source>
        <translation>&amp;Delete Template</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>相对</source>
        <translation>Relative</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>负责</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Activity name</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>地点/链接</source>
        <translation>Venue / link</translation>
    </message>
    <message>
        <source>面向的群</source>
        <translation>For group</translation>
    </message>
    <message>
        <source>清单（按开始时间自动算出日期）</source>
        <translation>Checklist (dates follow from the start time)</translation>
    </message>
    <message>
        <source>自己保存的模板</source>
        <translation>My templates</translation>
    </message>
    <message>
        <source>删除模板“%1”？用它建的活动不受影响。</source>
        <translation>Delete the template “%1”? Activities made from it are not affected.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>没有保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>OutreachLabels</name>
    <message>
        <source>欢迎</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>活动提醒</source>
        <translation>Activity reminder</translation>
    </message>
    <message>
        <source>跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>续费</source>
        <translation>Renewal</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>称呼：群昵称的第一段（“-”之前），没有群昵称时用姓名</source>
        <translation>Salutation: the group nickname&apos;s first part (before “-”), or the name when there is no group nickname</translation>
    </message>
    <message>
        <source>群昵称</source>
        <translation>group nickname</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>name</translation>
    </message>
    <message>
        <source>微信昵称</source>
        <translation>WeChat name</translation>
    </message>
    <message>
        <source>城市</source>
        <translation>city</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>activity title</translation>
    </message>
    <message>
        <source>活动日期，如 12月13日（周六）</source>
        <translation>activity date, such as Sat 13 Dec</translation>
    </message>
    <message>
        <source>活动时间，如 14:00-16:00</source>
        <translation>activity time, such as 14:00-16:00</translation>
    </message>
    <message>
        <source>活动地点</source>
        <translation>activity place</translation>
    </message>
    <message>
        <source>群名：活动的群，否则成员所在的第一个群</source>
        <translation>group: the activity&apos;s group, else the member&apos;s first group</translation>
    </message>
    <message>
        <source>称呼</source>
        <translation>salutation</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>activity</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>time</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>place</translation>
    </message>
    <message>
        <source>群名</source>
        <translation>group</translation>
    </message>
    <message>
        <source>没有值：%1</source>
        <translation>No value: %1</translation>
    </message>
    <message>
        <source>不认识：%1</source>
        <translation>Unknown: %1</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>社群概览</source>
        <translation>Community Overview</translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>风险成员</source>
        <translation>At-risk members</translation>
    </message>
    <message>
        <source>群容量</source>
        <translation>Group capacity</translation>
    </message>
    <message>
        <source>群：%1</source>
        <translation>Group: %1</translation>
    </message>
    <message>
        <source>贡献排行榜</source>
        <translation>Top contributors</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>本周(&amp;W)</source>
        <translation>This &amp;Week</translation>
    </message>
    <message>
        <source>本月(&amp;M)</source>
        <translation>This &amp;month</translation>
    </message>
    <message>
        <source>总榜(&amp;T)</source>
        <translation>All &amp;time</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>到期回访</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <source>加好友</source>
        <translation>Add as friend</translation>
    </message>
    <message>
        <source>应联系日期</source>
        <translation>Contact by</translation>
    </message>
    <message>
        <source>近期生日</source>
        <translation>Upcoming birthdays</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>%1 岁</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>风险成员（按积分）</source>
        <translation>At-risk members (by points)</translation>
    </message>
    <message>
        <source>最近私聊</source>
        <translation>Last one-to-one</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>计算概览</source>
        <translation>Calculating the Overview</translation>
    </message>
    <message>
        <source>计算失败：%1</source>
        <translation>Calculation failed: %1</translation>
    </message>
    <message>
        <source>截至 %1，正在根据现有记录补算过去各周的快照…</source>
        <translation>As of %1; rebuilding past weekly snapshots from the records…</translation>
    </message>
    <message>
        <source>截至 %1</source>
        <translation>As of %1</translation>
    </message>
    <message>
        <source>正在补算上周快照…</source>
        <translation>Rebuilding last week&apos;s snapshot…</translation>
    </message>
    <message>
        <source>暂无上周快照</source>
        <translation>No snapshot from last week yet</translation>
    </message>
    <message>
        <source>较上周 %1</source>
        <translation>%1 vs last week</translation>
    </message>
    <message>
        <source>累计退群 %1 人</source>
        <translation>%1 left in total</translation>
    </message>
    <message>
        <source>占 %1，%2 天内有贡献或私聊</source>
        <translation>%1 of all; contributed or chatted within %2 days</translation>
    </message>
    <message>
        <source>%1 天内没有互动</source>
        <translation>No interaction within %1 days</translation>
    </message>
    <message>
        <source>%1 天以上没有私聊</source>
        <translation>No one-to-one for over %1 days</translation>
    </message>
    <message>
        <source>上周 %1</source>
        <translation>Last week %1</translation>
    </message>
    <message>
        <source>共 %1 人：到期回访 %2，加好友 %3（每日上限 %4）</source>
        <translation>%1 people: %2 follow-ups due, %3 to add as friends (daily limit %4)</translation>
    </message>
    <message>
        <source>今天没有要联系的人</source>
        <translation>Nobody to contact today</translation>
    </message>
    <message>
        <source>未来 %1 天 %2 人</source>
        <translation>%2 in the next %1 days</translation>
    </message>
    <message>
        <source>近期没有人过生日</source>
        <translation>No birthdays coming up</translation>
    </message>
    <message>
        <source>共 %1 人，%2 天以上没有私聊</source>
        <translation>%1 people without a one-to-one for over %2 days</translation>
    </message>
    <message>
        <source>没有风险成员</source>
        <translation>No at-risk members</translation>
    </message>
    <message>
        <source>这段时间还没有贡献记录</source>
        <translation>No contributions in this period yet</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>明天</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source>活跃成员（%1 天内有互动）</source>
        <translation>Active members (interaction within %1 days)</translation>
    </message>
    <message>
        <source>沉默成员（%1 天内没有互动）</source>
        <translation>Quiet members (no interaction within %1 days)</translation>
    </message>
    <message>
        <source>风险成员（%1 天以上没有私聊）</source>
        <translation>At-risk members (no one-to-one for over %1 days)</translation>
    </message>
    <message>
        <source>本周入群</source>
        <translation>Joined this week</translation>
    </message>
    <message>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>本周退群</source>
        <translation>Left this week</translation>
    </message>
    <message>
        <source>%1 / %2（有人数上限的群，%3 人）</source>
        <translation>%1 / %2 (groups with a limit, %3 members)</translation>
    </message>
    <message>
        <source>在群成员</source>
        <translation>Current members</translation>
    </message>
    <message>
        <source>有人数上限的群的成员</source>
        <translation>Members of groups with a limit</translation>
    </message>
    <message>
        <source>%1年第%2周入群</source>
        <translation>Joined in week %2 of %1</translation>
    </message>
    <message>
        <source>%1年第%2周退群</source>
        <translation>Left in week %2 of %1</translation>
    </message>
    <message>
        <source>活跃成员</source>
        <translation>Active members</translation>
    </message>
    <message>
        <source>沉默成员</source>
        <translation>Quiet members</translation>
    </message>
    <message>
        <source>标签：%1</source>
        <translation>Tag: %1</translation>
    </message>
    <message>
        <source>出席“%1”的成员</source>
        <translation>Members who attended “%1”</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>This Week</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>总榜</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>报名“%1”的成员</source>
        <translation>Members who signed up for “%1”</translation>
    </message>
    <message>
        <source>贡献排行榜（%1）</source>
        <translation>Top contributors (%1)</translation>
    </message>
    <message>
        <source>今日待联系</source>
        <translation>To Contact Today</translation>
    </message>
    <message>
        <source>未来 %1 天过生日</source>
        <translation>Birthdays in the next %1 days</translation>
    </message>
    <message>
        <source>查找成员</source>
        <translation>Find Members</translation>
    </message>
</context>
<context>
    <name>ParticipationChart</name>
    <message>
        <source>活动参与率</source>
        <translation>Activity participation</translation>
    </message>
    <message>
        <source>报名</source>
        <translation>Sign-ups</translation>
    </message>
    <message>
        <source>出席</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>（近一年没有活动）</source>
        <translation>(no activities in the past year)</translation>
    </message>
    <message>
        <source>近一年出席率 %1，%2 位成员至少出席一次</source>
        <translation>Attendance over the past year %1; %2 members attended at least once</translation>
    </message>
    <message>
        <source>%1 %2：报名 %3，出席 %4（%5）</source>
        <translation>%1 %2: %3 signed up, %4 attended (%5)</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>微信号</source>
        <translation>WeChat ID</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>重复，跳过</source>
        <translation>Duplicate, skipped</translation>
    </message>
    <message>
        <source>有错误</source>
        <translation>Has errors</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>下面是每一行将被如何处理。点“开始导入”之前，什么都不会写入。</source>
        <translation>This is what will happen to each row. Nothing is written until you click “Start Import”.</translation>
    </message>
    <message>
        <source>开始导入(&amp;I)</source>
        <translation>Start &amp;Import</translation>
    </message>
    <message>
        <source>合并：只补充空白的项</source>
        <translation>Merge: fill in empty fields only</translation>
    </message>
    <message>
        <source>合并：用表中内容覆盖</source>
        <translation>Merge: overwrite with the file&apos;s values</translation>
    </message>
    <message>
        <source>跳过已有成员</source>
        <translation>Skip existing members</translation>
    </message>
    <message>
        <source>全部作为新成员</source>
        <translation>Import all as new members</translation>
    </message>
    <message>
        <source>全部行</source>
        <translation>All rows</translation>
    </message>
    <message>
        <source>只看新建</source>
        <translation>New only</translation>
    </message>
    <message>
        <source>只看更新</source>
        <translation>Updates only</translation>
    </message>
    <message>
        <source>只看重复</source>
        <translation>Duplicates only</translation>
    </message>
    <message>
        <source>只看有错误的</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <source>遇到已有成员（微信号、手机号或姓名相同）：</source>
        <translation>For existing members (same WeChat ID, mobile or name):</translation>
    </message>
    <message>
        <source>正在检查每一行…</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <source>正在按新的方式检查重复…</source>
        <translation>Checking for duplicates with the new choice…</translation>
    </message>
    <message>
        <source>新建 %1 · 更新 %2 · 重复跳过 %3 · 有错误 %4 · 空行/合计行 %5</source>
        <translation>New %1 · updated %2 · duplicates skipped %3 · with errors %4 · blank/total rows %5</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>无法开始打印（打印机或文件不可用）。</source>
        <translation>Cannot start printing (the printer or file is not available).</translation>
    </message>
    <message>
        <source>第 %1 / %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>没有找到能显示中文的字体，打印出来的中文会全部缺失。请先安装“微软雅黑”、“苹方”、“思源黑体”或“文泉驿微米黑”等中文字体。</source>
        <translation>No font that can show Chinese was found, so all Chinese text would be missing from the printout. Please install a Chinese font such as Microsoft YaHei, PingFang SC, Source Han Sans or WenQuanYi Micro Hei first.</translation>
    </message>
    <message>
        <source>缺少中文字体</source>
        <translation>No Chinese font</translation>
    </message>
    <message>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>打印预览 - %1</source>
        <translation>Print Preview - %1</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>整行未导入</source>
        <translation>Row not imported</translation>
    </message>
    <message>
        <source>该项留空</source>
        <translation>Field left empty</translation>
    </message>
</context>
<context>
    <name>RecurrenceEditor</name>
    <message>
        <source>重复</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>不重复</source>
        <translation>Does not repeat</translation>
    </message>
    <message>
        <source>每天</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>每个工作日（周一至周五）</source>
        <translation>Every weekday (Mon–Fri)</translation>
    </message>
    <message>
        <source>法定工作日（节假日休息、调休上班）</source>
        <translation>Official working days (holidays off, make-up days on)</translation>
    </message>
    <message>
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>每月（按日期）</source>
        <translation>Monthly (by date)</translation>
    </message>
    <message>
        <source>每月（按星期）</source>
        <translation>Monthly (by weekday)</translation>
    </message>
    <message>
        <source>第一个</source>
        <translation>first</translation>
    </message>
    <message>
        <source>第二个</source>
        <translation>second</translation>
    </message>
    <message>
        <source>第三个</source>
        <translation>third</translation>
    </message>
    <message>
        <source>第四个</source>
        <translation>fourth</translation>
    </message>
    <message>
        <source>最后一个</source>
        <translation>last</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>一直重复</source>
        <translation>Forever</translation>
    </message>
    <message>
        <source>截止到</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>共几次</source>
        <translation>Number of times</translation>
    </message>
    <message>
        <source> 次</source>
        <translation> times</translation>
    </message>
    <message>
        <source>每</source>
        <translation>Every</translation>
    </message>
    <message>
        <source>当月的</source>
        <translation>On the</translation>
    </message>
    <message>
        <source>结束：</source>
        <translation>Ends:</translation>
    </message>
    <message>
        <source>天</source>
        <translation>day(s)</translation>
    </message>
    <message>
        <source>周</source>
        <translation>week(s)</translation>
    </message>
    <message>
        <source>个月</source>
        <translation>month(s)</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>个月的 %1 号</source>
        <translation>month(s) on day %1</translation>
    </message>
</context>
<context>
    <name>ReferralSection</name>
    <message>
        <source>被邀请人</source>
        <translation>Invitee</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Depth</translation>
    </message>
    <message>
        <source>双击打开成员卡片</source>
        <translation>Double-click to open the member card</translation>
    </message>
    <message>
        <source>保存后显示邀请关系</source>
        <translation>Referrals show once the member is saved</translation>
    </message>
    <message>
        <source>邀请链（由近到远）：%1</source>
        <translation>Invited via (nearest first): %1</translation>
    </message>
    <message>
        <source>没有邀请人记录</source>
        <translation>No inviter recorded</translation>
    </message>
    <message>
        <source>直接邀请 %1 人，三层内共 %2 人</source>
        <translation>Invited %1 directly, %2 within three levels</translation>
    </message>
</context>
<context>
    <name>ReminderButton</name>
    <message>
        <source>提醒报名者(&amp;G)</source>
        <translation>Remind Si&amp;gn-ups</translation>
    </message>
    <message>
        <source>用消息模板提醒已报名的成员：群发一条（带 @名单），或逐个私聊</source>
        <translation>Remind the members signed up with a message template: one group message (with an @ list) or privately one by one</translation>
    </message>
    <message>
        <source>群发提醒（@名单）(&amp;G)…</source>
        <translation>&amp;Group Message (@ List)…</translation>
    </message>
    <message>
        <source>逐个私聊提醒(&amp;P)…</source>
        <translation>&amp;Privately, One by One…</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>导入结果</source>
        <translation>Import Result</translation>
    </message>
    <message>
        <source>保存问题清单(&amp;S)…</source>
        <translation>&amp;Save Problem List…</translation>
    </message>
    <message>
        <source>撤销这次导入(&amp;U)</source>
        <translation>&amp;Undo This Import</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>保存问题清单</source>
        <translation>Save Problem List</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>导入问题清单.xlsx</source>
        <translation>import-problems.xlsx</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>自动统计</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>这次做得好、下次继续的</source>
        <translation>What went well and should continue</translation>
    </message>
    <message>
        <source>下次要改进的</source>
        <translation>What to improve next time</translation>
    </message>
    <message>
        <source>复盘</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>新增成员</source>
        <translation>New members</translation>
    </message>
    <message>
        <source>转化人数</source>
        <translation>Converted</translation>
    </message>
    <message>
        <source>收入</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>复盘日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>保持</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>改进</source>
        <translation>Improve</translation>
    </message>
    <message>
        <source>保存复盘(&amp;A)</source>
        <translation>S&amp;ave Review</translation>
    </message>
    <message>
        <source>报名 %1 人</source>
        <translation>%1 signed up</translation>
    </message>
    <message>
        <source>签到 %1 人</source>
        <translation>%1 checked in</translation>
    </message>
    <message>
        <source>到场率 %1</source>
        <translation>Turnout %1</translation>
    </message>
    <message>
        <source>转化率 %1</source>
        <translation>Conversion %1</translation>
    </message>
    <message>
        <source>清单完成 %1/%2</source>
        <translation>Checklist %1/%2 done</translation>
    </message>
    <message>
        <source>预算 ¥%1</source>
        <translation>Budget ¥%1</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>RosterTemplate</name>
    <message>
        <source>保存导入模板</source>
        <translation>Save Import Template</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>名单导入模板.xlsx</source>
        <translation>roster-import-template.xlsx</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>模板已保存：%1</source>
        <translation>Template saved: %1</translation>
    </message>
</context>
<context>
    <name>SaveTemplateDialog</name>
    <message>
        <source>另存为模板</source>
        <translation>Save as Template</translation>
    </message>
    <message>
        <source>清单里的每一步都按距开始日的天数保存（固定日期也会换算），下次建活动时自动算出日期。</source>
        <translation>Each checklist step is saved as days from the start date (fixed dates are converted too), so the dates are worked out for the next activity.</translation>
    </message>
    <message>
        <source>模板名称</source>
        <translation>Template name</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
</context>
<context>
    <name>SegmentsPanel</name>
    <message>
        <source>分组筛选</source>
        <translation>Saved Filters</translation>
    </message>
    <message>
        <source>保存当前筛选(&amp;U)…</source>
        <translation>Save C&amp;urrent Filter…</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>全部在群成员</source>
        <translation>All current members</translation>
    </message>
    <message>
        <source>保存筛选</source>
        <translation>Save Filter</translation>
    </message>
    <message>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>删除筛选</source>
        <translation>Delete Filter</translation>
    </message>
    <message>
        <source>删除保存的筛选“%1”？成员不会被删除。</source>
        <translation>Delete the saved filter “%1”? No members are deleted.</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>复制给下一位</source>
        <translation>Copy for the next one</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>要联系的成员</source>
        <translation>Members to contact</translation>
    </message>
    <message>
        <source>要发送的文本</source>
        <translation>Text to send</translation>
    </message>
    <message>
        <source>复制给下一位(&amp;C)</source>
        <translation>&amp;Copy for the Next One</translation>
    </message>
    <message>
        <source>复制这段文字、记一条微信跟进，然后换下一位（Enter 或 Ctrl+Enter）</source>
        <translation>Copy this text, log a WeChat follow-up, then move to the next person (Enter or Ctrl+Enter)</translation>
    </message>
    <message>
        <source>跳过(&amp;S)</source>
        <translation>&amp;Skip</translation>
    </message>
    <message>
        <source>不复制、不记跟进，换下一位（Ctrl+Shift+S）</source>
        <translation>Move to the next person without copying or logging (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>编辑模板(&amp;E)…</source>
        <translation>&amp;Edit Templates…</translation>
    </message>
    <message>
        <source>关闭(&amp;L)</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Enter 复制并换下一位，到微信里 Ctrl+V 粘贴；Ctrl+Shift+S 跳过。</source>
        <translation>Enter copies and moves on; paste in WeChat with Ctrl+V. Ctrl+Shift+S skips.</translation>
    </message>
    <message>
        <source>模板(&amp;M)：</source>
        <translation>Te&amp;mplate:</translation>
    </message>
    <message>
        <source>加好友</source>
        <translation>friend add</translation>
    </message>
    <message>
        <source>✓ 已复制</source>
        <translation>✓ copied</translation>
    </message>
    <message>
        <source>– 跳过</source>
        <translation>– skipped</translation>
    </message>
    <message>
        <source>– 超出加好友上限</source>
        <translation>– over the friend-add limit</translation>
    </message>
    <message>
        <source>%1 还不是好友，今天加好友已到上限，跳过</source>
        <translation>%1 is not a friend yet and today&apos;s friend-add limit is reached: skipped</translation>
    </message>
    <message>
        <source>第 %1/%2 位：%3</source>
        <translation>%1 of %2: %3</translation>
    </message>
    <message>
        <source>还没有模板：先在“编辑模板…”里新建一个。</source>
        <translation>There are no templates yet: make one in “Edit Templates…” first.</translation>
    </message>
    <message>
        <source>%1。改好文本再复制，或跳过。</source>
        <translation>%1. Fix the text before copying, or skip.</translation>
    </message>
    <message>
        <source>全部处理完</source>
        <translation>All done</translation>
    </message>
    <message>
        <source>已复制 %1 位，跳过 %2 位。</source>
        <translation>%1 copied, %2 skipped.</translation>
    </message>
    <message>
        <source>已跳过 %1</source>
        <translation>Skipped %1</translation>
    </message>
    <message>
        <source>还有没填好的占位符：%1。改好文本再复制，或跳过。</source>
        <translation>Placeholders still without a value: %1. Fix the text before copying, or skip.</translation>
    </message>
    <message>
        <source>没有要复制的文本。</source>
        <translation>There is no text to copy.</translation>
    </message>
    <message>
        <source>已复制给 %1，已记跟进</source>
        <translation>Copied for %1, follow-up logged</translation>
    </message>
</context>
<context>
    <name>SessionsSection</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>保存后显示此成员的分享</source>
        <translation>This member&apos;s talks show once the member is saved</translation>
    </message>
    <message numerus="yes">
        <source>%Ln 场分享（最近 50 场，含已排期）</source>
        <translation>
            <numerusform>%Ln talk (latest 50, scheduled included)</numerusform>
            <numerusform>%Ln talks (latest 50, scheduled included)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1（已逾期）</source>
        <translation>%1 (overdue)</translation>
    </message>
    <message>
        <source>全天</source>
        <translation>All day</translation>
    </message>
</context>
<context>
    <name>SignUpModel</name>
    <message>
        <source>签到</source>
        <translation>Check In</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>群昵称</source>
        <translation>Group nickname</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>City</translation>
    </message>
    <message>
        <source>报名日期</source>
        <translation>Signed up on</translation>
    </message>
    <message>
        <source>签到时间</source>
        <translation>Checked in at</translation>
    </message>
    <message>
        <source>同伴</source>
        <translation>Companions</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>已到</source>
        <translation>Present</translation>
    </message>
</context>
<context>
    <name>SignUpsPanel</name>
    <message>
        <source>签到：输入姓名或昵称，回车签到</source>
        <translation>Check in: type a name or nickname and press Enter</translation>
    </message>
    <message>
        <source>报名名单</source>
        <translation>Sign-ups</translation>
    </message>
    <message>
        <source>移除报名</source>
        <translation>Remove Sign-up</translation>
    </message>
    <message>
        <source>粘贴接龙</source>
        <translation>Paste 接龙</translation>
    </message>
    <message>
        <source>添加报名(&amp;A)…</source>
        <translation>&amp;Add Sign-ups…</translation>
    </message>
    <message>
        <source>签到(&amp;K)</source>
        <translation>Chec&amp;k In</translation>
    </message>
    <message>
        <source>取消签到(&amp;O)</source>
        <translation>Und&amp;o Check-in</translation>
    </message>
    <message>
        <source>移除报名(&amp;M)</source>
        <translation>Re&amp;move Sign-up</translation>
    </message>
    <message>
        <source>粘贴接龙(&amp;T)</source>
        <translation>Pas&amp;te 接龙</translation>
    </message>
    <message>
        <source>把微信群里的接龙复制后粘贴，自动匹配成员并报名或签到</source>
        <translation>Paste a 接龙 (sign-up chain) copied from a WeChat group: its people are matched to members and signed up or checked in</translation>
    </message>
    <message>
        <source>粘贴报名接龙(&amp;S)…</source>
        <translation>Paste &amp;sign-up list…</translation>
    </message>
    <message>
        <source>粘贴签到接龙(&amp;C)…</source>
        <translation>Paste &amp;check-in list…</translation>
    </message>
    <message>
        <source>报名 %1 人（含同伴 %3 人） · 签到 %2 人</source>
        <translation>%1 signed up (%3 companions included) · %2 checked in</translation>
    </message>
    <message>
        <source>报名 %1 人 · 签到 %2 人</source>
        <translation>%1 signed up · %2 checked in</translation>
    </message>
    <message>
        <source>名额 %1</source>
        <translation>%1 places</translation>
    </message>
    <message>
        <source>（已超出）</source>
        <translation> (over the limit)</translation>
    </message>
    <message numerus="yes">
        <source>移除 %Ln 人的报名？已签到的活动积分也会扣回。</source>
        <translation>
            <numerusform>Remove %Ln sign-up? Points given for checking in are taken back.</numerusform>
            <numerusform>Remove %Ln sign-ups? Points given for checking in are taken back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <source>内容来源</source>
        <translation>Content sources</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>链接</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>编辑步骤</source>
        <translation>Edit Step</translation>
    </message>
    <message>
        <source>添加步骤</source>
        <translation>Add Step</translation>
    </message>
    <message>
        <source>相对活动日期(&amp;R)</source>
        <translation>&amp;Relative to the activity date</translation>
    </message>
    <message>
        <source>固定日期(&amp;F)</source>
        <translation>&amp;Fixed date</translation>
    </message>
    <message>
        <source>不指定成员(&amp;N)</source>
        <translation>&amp;No member</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>截止</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>负责角色</source>
        <translation>Role in charge</translation>
    </message>
    <message>
        <source>负责成员</source>
        <translation>Member in charge</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message>
        <source>（不指定，按角色）</source>
        <translation>(none: by role)</translation>
    </message>
</context>
<context>
    <name>TagChart</name>
    <message>
        <source>标签分布（按类别）</source>
        <translation>Tags by category</translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message numerus="yes">
        <source>%1：%Ln 位成员</source>
        <translation>
            <numerusform>%1: %Ln member</numerusform>
            <numerusform>%1: %Ln members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagMenuButton</name>
    <message>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>标签管理</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>新分类名，如“兴趣”</source>
        <translation>New category, e.g. “Interests”</translation>
    </message>
    <message>
        <source>删除分类</source>
        <translation>Delete Category</translation>
    </message>
    <message>
        <source>删除标签</source>
        <translation>Delete Tag</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>新建分类(&amp;N)</source>
        <translation>&amp;New Category</translation>
    </message>
    <message>
        <source>颜色(&amp;O)…</source>
        <translation>C&amp;olour…</translation>
    </message>
    <message>
        <source>下移(&amp;V)</source>
        <translation>Mo&amp;ve Down</translation>
    </message>
    <message>
        <source>上移(&amp;U)</source>
        <translation>Move &amp;Up</translation>
    </message>
    <message>
        <source>删除分类(&amp;D)</source>
        <translation>&amp;Delete Category</translation>
    </message>
    <message>
        <source>新建标签(&amp;E)</source>
        <translation>N&amp;ew Tag</translation>
    </message>
    <message>
        <source>重命名(&amp;R)</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <source>合并(&amp;G)</source>
        <translation>Mer&amp;ge</translation>
    </message>
    <message>
        <source>删除标签(&amp;L)</source>
        <translation>De&amp;lete Tag</translation>
    </message>
    <message>
        <source>移动(&amp;M)</source>
        <translation>&amp;Move</translation>
    </message>
    <message>
        <source>标签（双击改名）</source>
        <translation>Tag (double-click to rename)</translation>
    </message>
    <message>
        <source>使用人数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>新标签名</source>
        <translation>New tag name</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>把所选标签合并到</source>
        <translation>Merge the selected tag into</translation>
    </message>
    <message>
        <source>把所选标签移动到分类</source>
        <translation>Move the selected tag to category</translation>
    </message>
    <message numerus="yes">
        <source>%Ln 个标签</source>
        <translation>
            <numerusform>%Ln tag</numerusform>
            <numerusform>%Ln tags</numerusform>
        </translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <source>已新建分类“%1”</source>
        <translation>Category “%1” created</translation>
    </message>
    <message>
        <source>分类已改名为“%1”</source>
        <translation>Category renamed to “%1”</translation>
    </message>
    <message>
        <source>分类颜色</source>
        <translation>Category Colour</translation>
    </message>
    <message>
        <source>颜色已更新</source>
        <translation>Colour updated</translation>
    </message>
    <message numerus="yes">
        <source>删除分类“%1”？其中 %Ln 个标签会保留并变为“未分类”。</source>
        <translation>
            <numerusform>Delete the category “%1”? Its %Ln tag is kept as “Uncategorised”.</numerusform>
            <numerusform>Delete the category “%1”? Its %Ln tags are kept as “Uncategorised”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已有标签“%1”。把“%2”合并进去吗？（%Ln 位成员）</source>
        <translation>
            <numerusform>The tag “%1” already exists. Merge “%2” into it? (%Ln member)</numerusform>
            <numerusform>The tag “%1” already exists. Merge “%2” into it? (%Ln members)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>把“%1”合并到“%2”？“%1”的 %Ln 位成员将改为“%2”，“%1”会被删除（可撤销）。</source>
        <translation>
            <numerusform>Merge “%1” into “%2”? The %Ln member tagged “%1” gets “%2” instead, and “%1” is deleted (can be undone).</numerusform>
            <numerusform>Merge “%1” into “%2”? The %Ln members tagged “%1” get “%2” instead, and “%1” is deleted (can be undone).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>删除标签“%1”？%Ln 位成员会失去这个标签（可用“编辑 &gt; 撤销”恢复）。</source>
        <translation>
            <numerusform>Delete the tag “%1”? %Ln member loses it (Edit &gt; Undo brings it back).</numerusform>
            <numerusform>Delete the tag “%1”? %Ln members lose it (Edit &gt; Undo brings it back).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已删除“%1”（%Ln 位成员）</source>
        <translation>
            <numerusform>Deleted “%1” (%Ln member)</numerusform>
            <numerusform>Deleted “%1” (%Ln members)</numerusform>
        </translation>
    </message>
    <message>
        <source>已删除分类“%1”</source>
        <translation>Category “%1” deleted</translation>
    </message>
    <message>
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>已新建标签“%1”</source>
        <translation>Tag “%1” created</translation>
    </message>
    <message>
        <source>标签重名</source>
        <translation>Duplicate Tag</translation>
    </message>
    <message>
        <source>“%1”已改名为“%2”</source>
        <translation>“%1” renamed to “%2”</translation>
    </message>
    <message>
        <source>请选择一个不同的目标标签</source>
        <translation>Please choose a different target tag</translation>
    </message>
    <message>
        <source>合并标签</source>
        <translation>Merge Tags</translation>
    </message>
    <message>
        <source>已合并：“%1”的 %2 位成员并入，“%3”现有 %4 位成员（可撤销）</source>
        <translation>Merged: %2 members of “%1” moved in; “%3” now has %4 members (can be undone)</translation>
    </message>
    <message>
        <source>已移动到“%1”</source>
        <translation>Moved to “%1”</translation>
    </message>
</context>
<context>
    <name>TagsSection</name>
    <message>
        <source>还没有标签</source>
        <translation>No tags yet</translation>
    </message>
    <message>
        <source>标签名（可新建）</source>
        <translation>Tag name (new or existing)</translation>
    </message>
    <message>
        <source>新标签放入的分类</source>
        <translation>Category for a new tag</translation>
    </message>
    <message>
        <source>添加标签(&amp;A)</source>
        <translation>&amp;Add Tag</translation>
    </message>
    <message>
        <source>点 × 移除标签；在标签输入框为空时按退格键移除最后一个</source>
        <translation>Click × to remove a tag; Backspace in the empty tag box removes the last one</translation>
    </message>
    <message>
        <source>新标签分类</source>
        <translation>New tag&apos;s category</translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <source>请输入标签名</source>
        <translation>Please enter a tag name</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>消息模板</source>
        <translation>Message templates</translation>
    </message>
    <message>
        <source>模板列表</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>复制(&amp;U)</source>
        <translation>D&amp;uplicate</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>找回已删除的内置模板</source>
        <translation>Bring Back Deleted Built-in Templates</translation>
    </message>
    <message>
        <source>模板内容</source>
        <translation>Template text</translation>
    </message>
    <message>
        <source>插入占位符(&amp;I)</source>
        <translation>&amp;Insert Placeholder</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>恢复内置文本(&amp;R)</source>
        <translation>&amp;Restore Built-in Text</translation>
    </message>
    <message>
        <source>放弃修改，换回群主台自带的文本</source>
        <translation>Drop your changes and go back to the text QunDesk ships</translation>
    </message>
    <message>
        <source>预览成员</source>
        <translation>Preview member</translation>
    </message>
    <message>
        <source>预览活动</source>
        <translation>Preview activity</translation>
    </message>
    <message>
        <source>（不选活动）</source>
        <translation>(no activity)</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>名称(&amp;A)：</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>用途(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>内容(&amp;T)：</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>预览成员(&amp;P)：</source>
        <translation>&amp;Preview for:</translation>
    </message>
    <message>
        <source>活动(&amp;V)：</source>
        <translation>Acti&amp;vity:</translation>
    </message>
    <message>
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>内置模板</source>
        <translation>Built-in template</translation>
    </message>
    <message>
        <source>自己的模板</source>
        <translation>Your own template</translation>
    </message>
    <message>
        <source>保存对“%1”的修改吗？</source>
        <translation>Save your changes to “%1”?</translation>
    </message>
    <message>
        <source>内置模板，已按你的修改保存</source>
        <translation>Built-in template, saved with your changes</translation>
    </message>
    <message>
        <source>内置模板，跟随界面语言</source>
        <translation>Built-in template, shown in the app&apos;s language</translation>
    </message>
    <message>
        <source>不认识的占位符：%1。发送前必须改掉（见“插入占位符”）。</source>
        <translation>Unknown placeholders: %1. Change them before sending (see “Insert Placeholder”).</translation>
    </message>
    <message>
        <source>选一位成员看看填好的样子。</source>
        <translation>Pick a member to see the message filled in.</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>新模板</source>
        <translation>New template</translation>
    </message>
    <message>
        <source>{称呼}你好，</source>
        <translation>Hi {salutation}, </translation>
    </message>
    <message>
        <source>删除内置模板“%1”？以后可以用“找回已删除的内置模板”找回。</source>
        <translation>Delete the built-in template “%1”? “Bring Back Deleted Built-in Templates” brings it back.</translation>
    </message>
    <message>
        <source>删除模板“%1”？（可撤销）</source>
        <translation>Delete the template “%1”? (It can be undone.)</translation>
    </message>
    <message>
        <source>删除模板</source>
        <translation>Delete template</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>趋势（每周快照）</source>
        <translation>Trend (weekly snapshots)</translation>
    </message>
    <message>
        <source>成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>活跃</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>风险成员</source>
        <translation>At-risk members</translation>
    </message>
    <message>
        <source>正在根据现有记录补算过去各周…</source>
        <translation>Rebuilding past weeks from the records…</translation>
    </message>
    <message numerus="yes">
        <source>其中 %Ln 周为根据现有记录推算</source>
        <translation>
            <numerusform>%Ln week of it is estimated from existing records</numerusform>
            <numerusform>%Ln weeks of it are estimated from existing records</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 那周：%2 %3</source>
        <translation>Week of %1: %2 %3</translation>
    </message>
</context>
<context>
    <name>WeekPage</name>
    <message>
        <source>◀ 上一周</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>本周(&amp;T)</source>
        <translation>&amp;This Week</translation>
    </message>
    <message>
        <source>打印预览(&amp;R)…</source>
        <translation>P&amp;rint Preview…</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>另存为 PDF(&amp;S)…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>去排内容(&amp;G)</source>
        <translation>&amp;Go to Calendar</translation>
    </message>
    <message>
        <source>去办活动(&amp;O)</source>
        <translation>G&amp;o to Activities</translation>
    </message>
    <message>
        <source>下一周 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>内容(&amp;C)</source>
        <translation>&amp;Content</translation>
    </message>
    <message>
        <source>活动(&amp;A)</source>
        <translation>&amp;Activities</translation>
    </message>
    <message>
        <source>清单步骤(&amp;K)</source>
        <translation>Chec&amp;klist steps</translation>
    </message>
    <message>
        <source>生日(&amp;B)</source>
        <translation>&amp;Birthday</translation>
    </message>
    <message>
        <source>私聊回访(&amp;U)</source>
        <translation>One-to-one follow-&amp;ups</translation>
    </message>
    <message>
        <source>逾期事项(&amp;D)</source>
        <translation>Over&amp;due</translation>
    </message>
    <message>
        <source>快满的群(&amp;L)</source>
        <translation>Nearly fu&amp;ll groups</translation>
    </message>
    <message>
        <source>成员变动(&amp;M)</source>
        <translation>&amp;Member changes</translation>
    </message>
    <message>
        <source>贡献榜(&amp;I)</source>
        <translation>Top contr&amp;ibutors</translation>
    </message>
    <message>
        <source>备注(&amp;N)</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>选择任意一天，显示它所在的那一周</source>
        <translation>Pick any day to show its week</translation>
    </message>
    <message>
        <source>打印方向</source>
        <translation>Page orientation</translation>
    </message>
    <message>
        <source>A4 纵向</source>
        <translation>A4 portrait</translation>
    </message>
    <message>
        <source>A4 横向</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <source>包含：</source>
        <translation>Include:</translation>
    </message>
    <message>
        <source>本周计划预览</source>
        <translation>This week&apos;s plan preview</translation>
    </message>
    <message>
        <source>这一周要记住的事：目标、提醒、分工……
会自动保存，并打印在周计划最后。</source>
        <translation>What to remember this week: goals, reminders, who does what…
Saved automatically and printed at the end of the weekly plan.</translation>
    </message>
    <message>
        <source>本周备注</source>
        <translation>Notes for the week</translation>
    </message>
    <message>
        <source>这一周还没有安排</source>
        <translation>Nothing planned for this week yet</translation>
    </message>
    <message>
        <source>周计划把这一周的内容、活动、清单步骤、生日和要私聊的人排在一页上，打印出来或另存为 PDF 发到群里。先排点什么：</source>
        <translation>The weekly plan puts the week&apos;s content, activities, checklist steps, birthdays and one-to-one follow-ups on one page to print or share as PDF. Plan something first:</translation>
    </message>
    <message>
        <source>周计划-%1.pdf</source>
        <translation>weekly-plan-%1.pdf</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>无法保存 PDF</source>
        <translation>Cannot save the PDF</translation>
    </message>
    <message numerus="yes">
        <source>已保存 %1（%Ln 页）</source>
        <translation>
            <numerusform>Saved %1 (%Ln page)</numerusform>
            <numerusform>Saved %1 (%Ln pages)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeekPlan</name>
    <message>
        <source>周计划 %1</source>
        <translation>Weekly Plan %1</translation>
    </message>
    <message>
        <source>想法</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>已发布</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>已跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>筹备中</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>%1 岁</source>
        <translation>age %1</translation>
    </message>
    <message>
        <source>全天</source>
        <translation>All day</translation>
    </message>
    <message>
        <source>（续）</source>
        <translation>(cont.)</translation>
    </message>
    <message>
        <source>线下</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>线上</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>报名 %1 人</source>
        <translation>%1 signed up</translation>
    </message>
    <message>
        <source>截止</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>活动清单</source>
        <translation>Activity checklists</translation>
    </message>
    <message>
        <source>生日祝福</source>
        <translation>Birthday wishes</translation>
    </message>
    <message>
        <source>私聊回访</source>
        <translation>One-to-one follow-ups</translation>
    </message>
    <message>
        <source>%1 等 %2 个群</source>
        <translation>%1 and others (%2 groups)</translation>
    </message>
    <message>
        <source> 等，还有 %1 位</source>
        <translation> and %1 more</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>群</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>人数 / 上限</source>
        <translation>Members / limit</translation>
    </message>
    <message>
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>新入群 %1 人</source>
        <translation>%1 joined</translation>
    </message>
    <message>
        <source>退群 %1 人</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source> 等</source>
        <translation> etc.</translation>
    </message>
    <message>
        <source>：%1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>活动：%1</source>
        <translation>Activity: %1</translation>
    </message>
    <message>
        <source>（暂无安排）</source>
        <translation>(nothing planned)</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>类别 / 群</source>
        <translation>Category / group</translation>
    </message>
    <message>
        <source>……共 %1 项，只列出前 %2 项</source>
        <translation>…%1 in total, only the first %2 listed</translation>
    </message>
    <message>
        <source>待补上的逾期事项</source>
        <translation>Overdue items to catch up on</translation>
    </message>
    <message>
        <source>没有逾期事项。</source>
        <translation>Nothing overdue.</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>快满的群</source>
        <translation>Nearly full groups</translation>
    </message>
    <message>
        <source>没有接近上限的群。</source>
        <translation>No group is close to its limit.</translation>
    </message>
    <message>
        <source>上周成员变动（%1）</source>
        <translation>Member changes last week (%1)</translation>
    </message>
    <message>
        <source>贡献榜（上周一以来）</source>
        <translation>Top contributors (since last Monday)</translation>
    </message>
    <message>
        <source>暂无贡献记录。</source>
        <translation>No contributions yet.</translation>
    </message>
    <message>
        <source>本周备注</source>
        <translation>Notes for the week</translation>
    </message>
</context>
</TS>
