// A `parallax serve` child process for tests and benchmarks: started with `serve ARGS...`
// (pass "--port", "0" for a free port), its port read from the first stdout line, killed
// (SIGKILL) when destroyed if still running.
#pragma once

#include <httplib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <cstdio>
#include <regex>
#include <string>
#include <vector>

namespace parallax_test {

class ServeProcess {
 public:
  ServeProcess(const std::string& bin, const std::vector<std::string>& args) {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      std::vector<std::string> all{bin, "serve"};
      all.insert(all.end(), args.begin(), args.end());
      std::vector<char*> argv;
      argv.reserve(all.size() + 1);
      for (std::string& a : all) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(bin.c_str(), argv.data());
      _exit(127);
    }
    close(out[1]);
    // "...; listening on http://127.0.0.1:PORT/"
    FILE* f = fdopen(out[0], "r");
    char line[512];
    if (f && std::fgets(line, sizeof line, f)) {
      first_line_ = line;
      std::smatch m;
      static const std::regex kPort(R"(listening on http://([0-9.]+):([0-9]+)/)");
      if (std::regex_search(first_line_, m, kPort)) port_ = std::stoi(m[2]);
    }
    if (f) std::fclose(f);
  }
  ~ServeProcess() {
    if (pid_ > 0 && !reaped_) Stop(SIGKILL);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }  // 0 when the server did not start
  pid_t pid() const { return pid_; }
  const std::string& first_line() const { return first_line_; }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(120, 0);
    return c;
  }
  // Sends `sig` and waits; returns the exit code, or 128 + signal.
  int Stop(int sig = SIGTERM) {
    if (pid_ <= 0 || reaped_) return -1;
    kill(pid_, sig);
    int status = 0;
    waitpid(pid_, &status, 0);
    reaped_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  bool reaped_ = false;
  std::string first_line_;
};

}  // namespace parallax_test
