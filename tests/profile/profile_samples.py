"""Resumes written for these tests (not taken from any dataset)."""
from __future__ import annotations

from datetime import date

TODAY = date(2024, 6, 15)

EN_INDEED = """Jordan Ellison
Senior Data Engineer - Northwind Analytics

Austin, TX - Email me on Indeed: jordan.ellison@example.com

Data engineer with six years building batch and streaming pipelines in Python and SQL for retail and logistics clients.

Willing to relocate to: Denver, CO

WORK EXPERIENCE

Senior Data Engineer

Northwind Analytics - Austin, TX -

January 2021 to Present

• Built streaming ingestion with Apache Kafka and Python.
• Cut warehouse costs 30% by partitioning tables.

Data Analyst

Contoso Retail Pvt Ltd - Dallas, TX -

June 2017 to December 2020

• Wrote SQL reports for 40 stores.

EDUCATION

B.S. in Computer Science

Lakeshore State University - Chicago, IL

2017

SKILLS

Python (6 years), SQL (6 years), Apache Kafka (3 years)

LINKS

https://www.linkedin.com/in/jordan-ellison-data
https://github.com/jellison
"""

EN_CLASSIC = """PRIYA RAMANATHAN
priya.r@example.org | (415) 555-0132 | San Francisco, CA
linkedin.com/in/priyaram | https://priya.dev

PROFESSIONAL SUMMARY
Product-minded backend engineer who ships reliable payment services.

PROFESSIONAL EXPERIENCE
Software Engineer, Globex Corporation    Mar 2020 – Present
- Led the migration of billing jobs to Kubernetes.
- Mentored three junior engineers.
Initech Inc | Junior Developer
01/2018 - 02/2020
* Maintained the Java reporting service.

Education
Master of Science in Computer Science, Bayview Institute of Technology, 2017
GPA: 3.8/4.0
Bachelor of Engineering in Electronics, Hillcrest College, 2015

Technical Skills
Go, Java, PostgreSQL, Kubernetes

Certifications
AWS Certified Solutions Architect Associate
PMP

Languages
English (native), Spanish (professional)
"""

ZH_RESUME = """个人简历
姓名：李明
性别：男    年龄：29岁
出生年月：1995年3月    民族：汉族
政治面貌：中共党员    婚姻状况：未婚
籍贯：四川成都
电话：+86 139 1234 5678
邮箱：liming@example.cn
现居地：深圳

求职意向
后端开发工程师

教育背景
2013.09-2017.06  华南理工大学  软件工程  本科
2017.09-2020.06  中山大学  计算机技术  硕士  GPA：3.7/4.0

工作经历
2020.07-至今  深圳星河科技有限公司  高级后端工程师
1. 负责支付系统的设计与开发
2. 使用Go和MySQL重构订单服务
2019年7月 - 2019年12月  广州云帆网络有限公司  实习生
- 参与数据平台建设

专业技能
熟练掌握 Go、Python、MySQL、Redis

证书
英语六级（CET-6）、注册会计师

自我评价
认真负责，喜欢钻研技术。
"""

# Header fields on "|" lines, a job whose date stands on its own line above employer and
# title, an unbulleted duty line, exam-level languages.
ZH_COMPACT = """王芳
求职意向：产品经理 | 北京
手机：13912345678 | 邮箱：wangfang@163.com
出生日期：1992-05 | 户口：河北

工作经验
字节跳动 | 高级产品经理 | 2020.03 - 至今
负责抖音电商产品规划
2017年7月-2020年2月
美团
产品经理
- 负责外卖商家端产品

教育经历
2013.09-2017.06 武汉大学 信息管理与信息系统 学士
GPA：3.6

证书
获得PMP证书

语言能力
英语CET-6，普通话二级甲等
"""
