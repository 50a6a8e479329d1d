// A minimal Node.js language host for the Pulumi CLI, built by scripts/pulumi-cli/build.sh.
//
// Pulumi's own host (module github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is not served by
// the Go module proxy these machines reach, so the CLI cannot run a Node.js program without a stand-in. This one
// does only what `pulumi preview/up/refresh/destroy` need of a language host: it starts the @pulumi/pulumi
// package's own program runner (`@pulumi/pulumi/cmd/run`, resolved from the program's folder as Pulumi's host
// does) with the arguments and environment Pulumi's host passes, and reports how the program ended. The program,
// the engine, the resource monitor and the dynamic-provider host are all Pulumi's.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// The Node SDK exits with this code after it has already shown the user an actionable message.
const exitAfterUserActionableMessage = 32

type languageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func main() {
	host := &languageHost{engineAddress: lastPositionalArgument(os.Args[1:])}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "language host: could not serve: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "language host: stopped serving: %v\n", err)
		os.Exit(1)
	}
}

// The engine passes its own address as the last positional argument, after any flags.
func lastPositionalArgument(args []string) string {
	address := ""
	for _, arg := range args {
		if !strings.HasPrefix(arg, "-") {
			address = arg
		}
	}
	return address
}

func (host *languageHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	if req.GetEngineAddress() != "" {
		host.engineAddress = req.GetEngineAddress()
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (host *languageHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// Plugins are found on PATH when a resource first needs them, so none are announced up front.
func (host *languageHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (host *languageHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (host *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	if info == nil {
		return &pulumirpc.RunResponse{Error: "the engine sent no program information"}, nil
	}
	options := info.GetOptions().AsMap()
	runPath, err := resolveProgramRunner(ctx, info.GetProgramDirectory())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	configJSON, err := programConfig(req.GetConfig())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	secretKeys, err := json.Marshal(append([]string{}, req.GetConfigSecretKeys()...))
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	args := append(strings.Fields(stringOption(options, "nodeargs")), runPath)
	appendFlag := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	appendFlag("monitor", req.GetMonitorAddress())
	appendFlag("engine", host.engineAddress)
	appendFlag("organization", req.GetOrganization())
	appendFlag("project", req.GetProject())
	appendFlag("root-directory", info.GetRootDirectory())
	appendFlag("stack", req.GetStack())
	appendFlag("pwd", info.GetProgramDirectory())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	appendFlag("parallel", strconv.Itoa(int(req.GetParallel())))
	args = append(args, info.GetEntryPoint())
	args = append(args, req.GetArgs()...)

	env := append(os.Environ(), "PULUMI_CONFIG="+configJSON, "PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys))
	if typescript, set := options["typescript"].(bool); !set || typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if tsconfig := stringOption(options, "tsconfig"); tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}

	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = info.GetProgramDirectory()
	cmd.Env = env
	// Node can switch its stdio to non-blocking mode; wrapping the writers keeps that from reaching ours.
	cmd.Stdout = struct{ *os.File }{os.Stdout}
	cmd.Stderr = struct{ *os.File }{os.Stderr}
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	err = cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}, nil
	case errors.As(err, &exitErr) && exitErr.ExitCode() == exitAfterUserActionableMessage:
		return &pulumirpc.RunResponse{Bail: true}, nil
	case errors.As(err, &exitErr):
		if status, ok := exitErr.Sys().(syscall.WaitStatus); ok && status.Signaled() {
			return &pulumirpc.RunResponse{Error: "Program was stopped by signal " + status.Signal().String()}, nil
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d",
			exitErr.ExitCode())}, nil
	default:
		return &pulumirpc.RunResponse{Error: "Problem executing program (could not run node): " + err.Error()}, nil
	}
}

// Resolved with node's own module resolution from the program's folder, as Pulumi's host does, so the program
// runs with the @pulumi/pulumi its project installed.
func resolveProgramRunner(ctx context.Context, programDirectory string) (string, error) {
	cmd := exec.CommandContext(ctx, "node", "-e", "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/run'))")
	cmd.Dir = programDirectory
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("could not find @pulumi/pulumi from %s (run npm install there): %s",
			programDirectory, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

// The Node SDK reads config keys in the old `<namespace>:config:<name>` form.
func programConfig(values map[string]string) (string, error) {
	converted := make(map[string]string, len(values))
	for key, value := range values {
		parsed, err := config.ParseKey(key)
		if err != nil {
			return "", err
		}
		converted[parsed.Namespace()+":config:"+parsed.Name()] = value
	}
	out, err := json.Marshal(converted)
	return string(out), err
}

func stringOption(options map[string]any, name string) string {
	value, _ := options[name].(string)
	return value
}
