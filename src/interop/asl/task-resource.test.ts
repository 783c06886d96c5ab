import { describe, expect, it } from "vitest";
import { classifyTask, mentionsObjectStore } from "./task-resource.js";

describe("classifyTask: a Task's function name and kind, as profiles will look them up", () => {
  it.each([
    // Lambda through the optimised integration: the function's name, from a name, an ARN (alias dropped) or a placeholder kept as written.
    ["arn:aws:states:::lambda:invoke", { FunctionName: "resize" }, "resize", "function"],
    ["arn:aws:states:::lambda:invoke", { FunctionName: "arn:aws:lambda:eu-west-1:123456789012:function:resize:prod" }, "resize", "function"],
    ["arn:aws:states:::lambda:invoke", { FunctionName: "${ResizeFunctionArn}" }, "${ResizeFunctionArn}", "function"],
    ["arn:aws:states:::lambda:invoke.waitForTaskToken", { FunctionName: "approve" }, "approve", "function"],
    // A FunctionName chosen at run time names the stage after its state.
    ["arn:aws:states:::lambda:invoke", { "FunctionName.$": "$.fn" }, "State", "function"],
    // Lambda by its ARN as the Resource (the older form).
    ["arn:aws:lambda:us-east-1:123456789012:function:split", undefined, "split", "function"],
    // Service integrations, optimised and SDK forms alike, with .sync stripped.
    ["arn:aws:states:::dynamodb:putItem", {}, "dynamodb:putItem", "service"],
    ["arn:aws:states:::aws-sdk:s3:listObjectsV2", {}, "s3:listObjectsV2", "service"],
    ["arn:aws:states:::aws-sdk:rekognition:detectLabels", {}, "rekognition:detectLabels", "service"],
    ["arn:aws:states:::sns:publish", {}, "sns:publish", "service"],
    ["arn:aws:states:::glue:startJobRun.sync", {}, "glue:startJobRun", "service"],
    ["arn:aws:states:::ecs:runTask.sync", {}, "ecs:runTask", "container"],
    ["arn:aws:states:::states:startExecution.sync:2", {}, "states:startExecution", "subworkflow"],
    ["arn:aws:states:::http:invoke", { ApiEndpoint: "https://api.example.com/v1", Method: "POST" }, "http:POST https://api.example.com/v1", "http"],
    ["arn:aws:states:us-east-1:123456789012:activity:approve-order", undefined, "approve-order", "activity"],
    ["${ProcessFunctionArn}", undefined, "${ProcessFunctionArn}", "function"],
    // The integration's ARN itself as a template parameter, with the function named beside it.
    ["${LambdaInvoke}", { FunctionName: "${GetNextRangeFunction}", Payload: {} }, "${GetNextRangeFunction}", "function"],
    // The partition as a template placeholder, as CDK and SAM templates write it.
    ["arn:${Partition}:states:::elasticmapreduce:addStep.sync", {}, "elasticmapreduce:addStep", "service"],
  ])("%s %j → %s (%s)", (resource, params, fn, kind) => {
    const spec = classifyTask("State", resource, params);
    expect([spec.function, spec.kind]).toEqual([fn, kind]);
  });

  it.each([
    ["arn:aws:states:::aws-sdk:s3:getObject", {}, true, false],
    ["arn:aws:states:::aws-sdk:s3:putObject", {}, false, true],
    ["arn:aws:states:::lambda:invoke", { FunctionName: "f", Payload: { Bucket: "b", "Key.$": "$.key" } }, true, false],
    ["arn:aws:states:::lambda:invoke", { FunctionName: "f", Payload: { "input.$": "States.Format('s3://{}/{}', $.b, $.k)" } }, true, false],
    ["arn:aws:states:::lambda:invoke", { FunctionName: "f", Payload: { "value.$": "$.n" } }, false, false],
  ])("%s %j reads S3: %s, writes S3: %s", (resource, params, reads, writes) => {
    const spec = classifyTask("S", resource, params);
    expect([spec.readsObjectStore === true, spec.writesObjectStore === true]).toEqual([reads, writes]);
  });

  it("does not recurse without end into deep payloads", () => {
    let deep: unknown = { Bucket: "b" };
    for (let i = 0; i < 100; i++) deep = { x: deep };
    expect(mentionsObjectStore(deep)).toBe(false);
  });
});
