//! Integration tests: the built `decide` binary, driven as a user would drive it.
//! Each area of the tool is a module; `support` holds the small builder they share.

mod adr_tools_front_matter_log;
mod adr_tools_log;
mod bad_inputs;
mod browser;
mod ci;
mod docs;
mod foreign_messages;
mod home;
mod hostile;
mod hostile_links;
mod house_style;
mod log;
mod messages;
mod naming;
mod new;
mod one_voice;
mod package;
mod personal;
#[cfg(unix)]
mod pty;
mod real_logs;
mod related;
mod safety;
mod site;
mod statuses;
mod support;
#[cfg(unix)]
mod terminal;
mod webdriver;
