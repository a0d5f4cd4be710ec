// generated from openapi/agl-store-0.3.yaml by `pnpm --filter @agl/client generate` — do not edit.
// Change the OpenAPI document instead and run the generator again.
// @ts-nocheck
"use strict";
export const checkSpan = validate22;
const schema7 = {"type":"object","additionalProperties":true,"required":["rollout_id","attempt_id","sequence_id","trace_id","span_id","parent_id","name","status","attributes","events","links","start_time","end_time","context","parent","resource"],"properties":{"rollout_id":{"type":"string"},"attempt_id":{"type":"string"},"sequence_id":{"type":"integer"},"trace_id":{"type":"string"},"span_id":{"type":"string"},"parent_id":{"type":["string","null"]},"name":{"type":"string"},"status":{"$ref":"#/$defs/TraceStatus"},"attributes":{"$ref":"#/$defs/Attributes"},"events":{"type":"array","items":{"$ref":"#/$defs/Event"}},"links":{"type":"array","items":{"$ref":"#/$defs/Link"}},"start_time":{"type":["number","null"]},"end_time":{"type":["number","null"]},"context":{"$ref":"#/$defs/SpanContextOrNull"},"parent":{"$ref":"#/$defs/SpanContextOrNull"},"resource":{"$ref":"#/$defs/OtelResource"}}};
const schema8 = {"type":"object","required":["status_code"],"additionalProperties":true,"properties":{"status_code":{"type":"string","enum":["UNSET","OK","ERROR"]},"description":{"type":["string","null"]}}};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.status_code === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status_code"},message:"must have required property '"+"status_code"+"'",schema:schema8.required,parentSchema:schema8,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.status_code !== undefined){
let data0 = data.status_code;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/status_code",schemaPath:"#/properties/status_code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema8.properties.status_code.type,parentSchema:schema8.properties.status_code,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(!(((data0 === "UNSET") || (data0 === "OK")) || (data0 === "ERROR"))){
const err2 = {instancePath:instancePath+"/status_code",schemaPath:"#/properties/status_code/enum",keyword:"enum",params:{allowedValues: schema8.properties.status_code.enum},message:"must be equal to one of the allowed values",schema:schema8.properties.status_code.enum,parentSchema:schema8.properties.status_code,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.description !== undefined){
let data1 = data.description;
if((typeof data1 !== "string") && (data1 !== null)){
const err3 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: schema8.properties.description.type},message:"must be string,null",schema:schema8.properties.description.type,parentSchema:schema8.properties.description,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema8.type,parentSchema:schema8,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}

const schema9 = {"type":"object","additionalProperties":{"$ref":"#/$defs/AttributeValue"}};
const schema10 = {"anyOf":[{"type":"string"},{"type":"boolean"},{"type":"integer"},{"type":"number"},{"type":"array","items":{"type":"string"}},{"type":"array","items":{"type":"boolean"}},{"type":"array","items":{"type":"integer"}},{"type":"array","items":{"type":"number"}}]};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = false;
const _errs1 = errors;
if(typeof data !== "string"){
const err0 = {instancePath,schemaPath:"#/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema10.anyOf[0].type,parentSchema:schema10.anyOf[0],data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
valid0 = valid0 || _valid0;
if(!valid0){
const _errs3 = errors;
if(typeof data !== "boolean"){
const err1 = {instancePath,schemaPath:"#/anyOf/1/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema10.anyOf[1].type,parentSchema:schema10.anyOf[1],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs3 === errors;
valid0 = valid0 || _valid0;
if(!valid0){
const _errs5 = errors;
if(!(((typeof data == "number") && (!(data % 1) && !isNaN(data))) && (isFinite(data)))){
const err2 = {instancePath,schemaPath:"#/anyOf/2/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema10.anyOf[2].type,parentSchema:schema10.anyOf[2],data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs5 === errors;
valid0 = valid0 || _valid0;
if(!valid0){
const _errs7 = errors;
if(!((typeof data == "number") && (isFinite(data)))){
const err3 = {instancePath,schemaPath:"#/anyOf/3/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema10.anyOf[3].type,parentSchema:schema10.anyOf[3],data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid0 = valid0 || _valid0;
if(!valid0){
const _errs9 = errors;
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(typeof data0 !== "string"){
const err4 = {instancePath:instancePath+"/" + i0,schemaPath:"#/anyOf/4/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema10.anyOf[4].items.type,parentSchema:schema10.anyOf[4].items,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/anyOf/4/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema10.anyOf[4].type,parentSchema:schema10.anyOf[4],data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid0 = _errs9 === errors;
valid0 = valid0 || _valid0;
if(!valid0){
const _errs13 = errors;
if(Array.isArray(data)){
const len1 = data.length;
for(let i1=0; i1<len1; i1++){
let data1 = data[i1];
if(typeof data1 !== "boolean"){
const err6 = {instancePath:instancePath+"/" + i1,schemaPath:"#/anyOf/5/items/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema10.anyOf[5].items.type,parentSchema:schema10.anyOf[5].items,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/anyOf/5/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema10.anyOf[5].type,parentSchema:schema10.anyOf[5],data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var _valid0 = _errs13 === errors;
valid0 = valid0 || _valid0;
if(!valid0){
const _errs17 = errors;
if(Array.isArray(data)){
const len2 = data.length;
for(let i2=0; i2<len2; i2++){
let data2 = data[i2];
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err8 = {instancePath:instancePath+"/" + i2,schemaPath:"#/anyOf/6/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema10.anyOf[6].items.type,parentSchema:schema10.anyOf[6].items,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/anyOf/6/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema10.anyOf[6].type,parentSchema:schema10.anyOf[6],data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var _valid0 = _errs17 === errors;
valid0 = valid0 || _valid0;
if(!valid0){
const _errs21 = errors;
if(Array.isArray(data)){
const len3 = data.length;
for(let i3=0; i3<len3; i3++){
let data3 = data[i3];
if(!((typeof data3 == "number") && (isFinite(data3)))){
const err10 = {instancePath:instancePath+"/" + i3,schemaPath:"#/anyOf/7/items/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema10.anyOf[7].items.type,parentSchema:schema10.anyOf[7].items,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/anyOf/7/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema10.anyOf[7].type,parentSchema:schema10.anyOf[7],data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid0 = _errs21 === errors;
valid0 = valid0 || _valid0;
}
}
}
}
}
}
}
if(!valid0){
const err12 = {instancePath,schemaPath:"#/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema10.anyOf,parentSchema:schema10,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate26.errors = vErrors;
return errors === 0;
}


function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(validate26(data[key0], {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data,parentDataProperty:key0,rootData}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
}
}
else {
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema9.type,parentSchema:schema9,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}

const schema11 = {"type":"object","required":["name","attributes"],"additionalProperties":true,"properties":{"name":{"type":"string"},"attributes":{"$ref":"#/$defs/Attributes"},"timestamp":{"type":["number","null"]}}};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.attributes === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "attributes"},message:"must have required property '"+"attributes"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.name.type,parentSchema:schema11.properties.name,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.attributes !== undefined){
if(!(validate25(data.attributes, {instancePath:instancePath+"/attributes",parentData:data,parentDataProperty:"attributes",rootData}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
}
if(data.timestamp !== undefined){
let data2 = data.timestamp;
if((!((typeof data2 == "number") && (isFinite(data2)))) && (data2 !== null)){
const err3 = {instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/type",keyword:"type",params:{type: schema11.properties.timestamp.type},message:"must be number,null",schema:schema11.properties.timestamp.type,parentSchema:schema11.properties.timestamp,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate29.errors = vErrors;
return errors === 0;
}

const schema12 = {"type":"object","required":["context"],"additionalProperties":true,"properties":{"context":{"$ref":"#/$defs/SpanContext"},"attributes":{"$ref":"#/$defs/AttributesOrNull"}}};
const schema13 = {"type":"object","required":["trace_id","span_id","is_remote","trace_state"],"additionalProperties":true,"properties":{"trace_id":{"type":"string"},"span_id":{"type":"string"},"is_remote":{"type":"boolean"},"trace_state":{"type":"object","additionalProperties":{"type":"string"}}}};

function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.trace_id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "trace_id"},message:"must have required property '"+"trace_id"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.span_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "span_id"},message:"must have required property '"+"span_id"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.is_remote === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "is_remote"},message:"must have required property '"+"is_remote"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.trace_state === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "trace_state"},message:"must have required property '"+"trace_state"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.trace_id !== undefined){
let data0 = data.trace_id;
if(typeof data0 !== "string"){
const err4 = {instancePath:instancePath+"/trace_id",schemaPath:"#/properties/trace_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.trace_id.type,parentSchema:schema13.properties.trace_id,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.span_id !== undefined){
let data1 = data.span_id;
if(typeof data1 !== "string"){
const err5 = {instancePath:instancePath+"/span_id",schemaPath:"#/properties/span_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.span_id.type,parentSchema:schema13.properties.span_id,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.is_remote !== undefined){
let data2 = data.is_remote;
if(typeof data2 !== "boolean"){
const err6 = {instancePath:instancePath+"/is_remote",schemaPath:"#/properties/is_remote/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema13.properties.is_remote.type,parentSchema:schema13.properties.is_remote,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.trace_state !== undefined){
let data3 = data.trace_state;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key0 in data3){
let data4 = data3[key0];
if(typeof data4 !== "string"){
const err7 = {instancePath:instancePath+"/trace_state/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/trace_state/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.trace_state.additionalProperties.type,parentSchema:schema13.properties.trace_state.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/trace_state",schemaPath:"#/properties/trace_state/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.properties.trace_state.type,parentSchema:schema13.properties.trace_state,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate33.errors = vErrors;
return errors === 0;
}

const schema14 = {"type":["object","null"],"additionalProperties":{"$ref":"#/$defs/AttributeValue"}};

function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if((!(data && typeof data == "object" && !Array.isArray(data))) && (data !== null)){
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema14.type},message:"must be object,null",schema:schema14.type,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(validate26(data[key0], {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data,parentDataProperty:key0,rootData}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
}
}
validate35.errors = vErrors;
return errors === 0;
}


function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.context === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.context !== undefined){
if(!(validate33(data.context, {instancePath:instancePath+"/context",parentData:data,parentDataProperty:"context",rootData}))){
vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
errors = vErrors.length;
}
}
if(data.attributes !== undefined){
if(!(validate35(data.attributes, {instancePath:instancePath+"/attributes",parentData:data,parentDataProperty:"attributes",rootData}))){
vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
errors = vErrors.length;
}
}
}
else {
const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate32.errors = vErrors;
return errors === 0;
}

const schema15 = {"type":["object","null"],"required":["trace_id","span_id","is_remote","trace_state"],"additionalProperties":true,"properties":{"trace_id":{"type":"string"},"span_id":{"type":"string"},"is_remote":{"type":"boolean"},"trace_state":{"type":"object","additionalProperties":{"type":"string"}}}};

function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if((!(data && typeof data == "object" && !Array.isArray(data))) && (data !== null)){
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema15.type},message:"must be object,null",schema:schema15.type,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.trace_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "trace_id"},message:"must have required property '"+"trace_id"+"'",schema:schema15.required,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.span_id === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "span_id"},message:"must have required property '"+"span_id"+"'",schema:schema15.required,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.is_remote === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "is_remote"},message:"must have required property '"+"is_remote"+"'",schema:schema15.required,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.trace_state === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "trace_state"},message:"must have required property '"+"trace_state"+"'",schema:schema15.required,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.trace_id !== undefined){
let data0 = data.trace_id;
if(typeof data0 !== "string"){
const err5 = {instancePath:instancePath+"/trace_id",schemaPath:"#/properties/trace_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.trace_id.type,parentSchema:schema15.properties.trace_id,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.span_id !== undefined){
let data1 = data.span_id;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/span_id",schemaPath:"#/properties/span_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.span_id.type,parentSchema:schema15.properties.span_id,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.is_remote !== undefined){
let data2 = data.is_remote;
if(typeof data2 !== "boolean"){
const err7 = {instancePath:instancePath+"/is_remote",schemaPath:"#/properties/is_remote/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema15.properties.is_remote.type,parentSchema:schema15.properties.is_remote,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.trace_state !== undefined){
let data3 = data.trace_state;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key0 in data3){
let data4 = data3[key0];
if(typeof data4 !== "string"){
const err8 = {instancePath:instancePath+"/trace_state/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/trace_state/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.trace_state.additionalProperties.type,parentSchema:schema15.properties.trace_state.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/trace_state",schemaPath:"#/properties/trace_state/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.properties.trace_state.type,parentSchema:schema15.properties.trace_state,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
validate39.errors = vErrors;
return errors === 0;
}

const schema16 = {"type":"object","required":["attributes","schema_url"],"properties":{"attributes":{"$ref":"#/$defs/Attributes"},"schema_url":{"type":"string"}}};

function validate42(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.attributes === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "attributes"},message:"must have required property '"+"attributes"+"'",schema:schema16.required,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.schema_url === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "schema_url"},message:"must have required property '"+"schema_url"+"'",schema:schema16.required,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.attributes !== undefined){
if(!(validate25(data.attributes, {instancePath:instancePath+"/attributes",parentData:data,parentDataProperty:"attributes",rootData}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
}
if(data.schema_url !== undefined){
let data1 = data.schema_url;
if(typeof data1 !== "string"){
const err2 = {instancePath:instancePath+"/schema_url",schemaPath:"#/properties/schema_url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.schema_url.type,parentSchema:schema16.properties.schema_url,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate42.errors = vErrors;
return errors === 0;
}


function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.rollout_id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rollout_id"},message:"must have required property '"+"rollout_id"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.attempt_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "attempt_id"},message:"must have required property '"+"attempt_id"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.sequence_id === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "sequence_id"},message:"must have required property '"+"sequence_id"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.trace_id === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "trace_id"},message:"must have required property '"+"trace_id"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.span_id === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "span_id"},message:"must have required property '"+"span_id"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.parent_id === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "parent_id"},message:"must have required property '"+"parent_id"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.name === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.status === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.attributes === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "attributes"},message:"must have required property '"+"attributes"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.events === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "events"},message:"must have required property '"+"events"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.links === undefined){
const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "links"},message:"must have required property '"+"links"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.start_time === undefined){
const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "start_time"},message:"must have required property '"+"start_time"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.end_time === undefined){
const err12 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "end_time"},message:"must have required property '"+"end_time"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.context === undefined){
const err13 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data.parent === undefined){
const err14 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "parent"},message:"must have required property '"+"parent"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data.resource === undefined){
const err15 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "resource"},message:"must have required property '"+"resource"+"'",schema:schema7.required,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data.rollout_id !== undefined){
let data0 = data.rollout_id;
if(typeof data0 !== "string"){
const err16 = {instancePath:instancePath+"/rollout_id",schemaPath:"#/properties/rollout_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema7.properties.rollout_id.type,parentSchema:schema7.properties.rollout_id,data:data0};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.attempt_id !== undefined){
let data1 = data.attempt_id;
if(typeof data1 !== "string"){
const err17 = {instancePath:instancePath+"/attempt_id",schemaPath:"#/properties/attempt_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema7.properties.attempt_id.type,parentSchema:schema7.properties.attempt_id,data:data1};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.sequence_id !== undefined){
let data2 = data.sequence_id;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err18 = {instancePath:instancePath+"/sequence_id",schemaPath:"#/properties/sequence_id/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema7.properties.sequence_id.type,parentSchema:schema7.properties.sequence_id,data:data2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.trace_id !== undefined){
let data3 = data.trace_id;
if(typeof data3 !== "string"){
const err19 = {instancePath:instancePath+"/trace_id",schemaPath:"#/properties/trace_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema7.properties.trace_id.type,parentSchema:schema7.properties.trace_id,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.span_id !== undefined){
let data4 = data.span_id;
if(typeof data4 !== "string"){
const err20 = {instancePath:instancePath+"/span_id",schemaPath:"#/properties/span_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema7.properties.span_id.type,parentSchema:schema7.properties.span_id,data:data4};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.parent_id !== undefined){
let data5 = data.parent_id;
if((typeof data5 !== "string") && (data5 !== null)){
const err21 = {instancePath:instancePath+"/parent_id",schemaPath:"#/properties/parent_id/type",keyword:"type",params:{type: schema7.properties.parent_id.type},message:"must be string,null",schema:schema7.properties.parent_id.type,parentSchema:schema7.properties.parent_id,data:data5};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.name !== undefined){
let data6 = data.name;
if(typeof data6 !== "string"){
const err22 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema7.properties.name.type,parentSchema:schema7.properties.name,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.status !== undefined){
if(!(validate23(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
if(data.attributes !== undefined){
if(!(validate25(data.attributes, {instancePath:instancePath+"/attributes",parentData:data,parentDataProperty:"attributes",rootData}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
}
if(data.events !== undefined){
let data9 = data.events;
if(Array.isArray(data9)){
const len0 = data9.length;
for(let i0=0; i0<len0; i0++){
if(!(validate29(data9[i0], {instancePath:instancePath+"/events/" + i0,parentData:data9,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
}
}
else {
const err23 = {instancePath:instancePath+"/events",schemaPath:"#/properties/events/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema7.properties.events.type,parentSchema:schema7.properties.events,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.links !== undefined){
let data11 = data.links;
if(Array.isArray(data11)){
const len1 = data11.length;
for(let i1=0; i1<len1; i1++){
if(!(validate32(data11[i1], {instancePath:instancePath+"/links/" + i1,parentData:data11,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
errors = vErrors.length;
}
}
}
else {
const err24 = {instancePath:instancePath+"/links",schemaPath:"#/properties/links/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema7.properties.links.type,parentSchema:schema7.properties.links,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.start_time !== undefined){
let data13 = data.start_time;
if((!((typeof data13 == "number") && (isFinite(data13)))) && (data13 !== null)){
const err25 = {instancePath:instancePath+"/start_time",schemaPath:"#/properties/start_time/type",keyword:"type",params:{type: schema7.properties.start_time.type},message:"must be number,null",schema:schema7.properties.start_time.type,parentSchema:schema7.properties.start_time,data:data13};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.end_time !== undefined){
let data14 = data.end_time;
if((!((typeof data14 == "number") && (isFinite(data14)))) && (data14 !== null)){
const err26 = {instancePath:instancePath+"/end_time",schemaPath:"#/properties/end_time/type",keyword:"type",params:{type: schema7.properties.end_time.type},message:"must be number,null",schema:schema7.properties.end_time.type,parentSchema:schema7.properties.end_time,data:data14};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.context !== undefined){
if(!(validate39(data.context, {instancePath:instancePath+"/context",parentData:data,parentDataProperty:"context",rootData}))){
vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
errors = vErrors.length;
}
}
if(data.parent !== undefined){
if(!(validate39(data.parent, {instancePath:instancePath+"/parent",parentData:data,parentDataProperty:"parent",rootData}))){
vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
errors = vErrors.length;
}
}
if(data.resource !== undefined){
if(!(validate42(data.resource, {instancePath:instancePath+"/resource",parentData:data,parentDataProperty:"resource",rootData}))){
vErrors = vErrors === null ? validate42.errors : vErrors.concat(validate42.errors);
errors = vErrors.length;
}
}
}
else {
const err27 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema7.type,parentSchema:schema7,data};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}

export const checkRolloutRequest = validate45;
const schema17 = {"type":"object","required":["input"],"properties":{"input":{},"mode":{"$ref":"#/$defs/RolloutModeOrNull"},"resources_id":{"type":["string","null"]},"config":{"$ref":"#/$defs/RolloutConfigInputOrNull"},"metadata":{"$ref":"#/$defs/MetadataOrNull"},"worker_id":{"type":["string","null"]}}};
const schema18 = {"type":["string","null"],"enum":["train","val","test",null]};

function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if((typeof data !== "string") && (data !== null)){
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema18.type},message:"must be string,null",schema:schema18.type,parentSchema:schema18,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(!((((data === "train") || (data === "val")) || (data === "test")) || (data === null))){
const err1 = {instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema18.enum},message:"must be equal to one of the allowed values",schema:schema18.enum,parentSchema:schema18,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate46.errors = vErrors;
return errors === 0;
}

const schema19 = {"type":["object","null"],"properties":{"timeout_seconds":{"type":["number","null"]},"unresponsive_seconds":{"type":["number","null"]},"max_attempts":{"type":"integer","minimum":1},"retry_condition":{"type":"array","items":{"$ref":"#/$defs/AttemptStatus"}}},"additionalProperties":false};
const schema20 = {"type":"string","enum":["preparing","running","failed","succeeded","unresponsive","timeout"]};

function validate49(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.type,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(!((((((data === "preparing") || (data === "running")) || (data === "failed")) || (data === "succeeded")) || (data === "unresponsive")) || (data === "timeout"))){
const err1 = {instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema20.enum},message:"must be equal to one of the allowed values",schema:schema20.enum,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate49.errors = vErrors;
return errors === 0;
}


function validate48(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if((!(data && typeof data == "object" && !Array.isArray(data))) && (data !== null)){
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema19.type},message:"must be object,null",schema:schema19.type,parentSchema:schema19,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "timeout_seconds") || (key0 === "unresponsive_seconds")) || (key0 === "max_attempts")) || (key0 === "retry_condition"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema19,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.timeout_seconds !== undefined){
let data0 = data.timeout_seconds;
if((!((typeof data0 == "number") && (isFinite(data0)))) && (data0 !== null)){
const err2 = {instancePath:instancePath+"/timeout_seconds",schemaPath:"#/properties/timeout_seconds/type",keyword:"type",params:{type: schema19.properties.timeout_seconds.type},message:"must be number,null",schema:schema19.properties.timeout_seconds.type,parentSchema:schema19.properties.timeout_seconds,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.unresponsive_seconds !== undefined){
let data1 = data.unresponsive_seconds;
if((!((typeof data1 == "number") && (isFinite(data1)))) && (data1 !== null)){
const err3 = {instancePath:instancePath+"/unresponsive_seconds",schemaPath:"#/properties/unresponsive_seconds/type",keyword:"type",params:{type: schema19.properties.unresponsive_seconds.type},message:"must be number,null",schema:schema19.properties.unresponsive_seconds.type,parentSchema:schema19.properties.unresponsive_seconds,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.max_attempts !== undefined){
let data2 = data.max_attempts;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err4 = {instancePath:instancePath+"/max_attempts",schemaPath:"#/properties/max_attempts/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema19.properties.max_attempts.type,parentSchema:schema19.properties.max_attempts,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err5 = {instancePath:instancePath+"/max_attempts",schemaPath:"#/properties/max_attempts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema19.properties.max_attempts,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
if(data.retry_condition !== undefined){
let data3 = data.retry_condition;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
if(!(validate49(data3[i0], {instancePath:instancePath+"/retry_condition/" + i0,parentData:data3,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
errors = vErrors.length;
}
}
}
else {
const err6 = {instancePath:instancePath+"/retry_condition",schemaPath:"#/properties/retry_condition/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema19.properties.retry_condition.type,parentSchema:schema19.properties.retry_condition,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
validate48.errors = vErrors;
return errors === 0;
}

const schema21 = {"type":["object","null"],"additionalProperties":true};

function validate52(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if((!(data && typeof data == "object" && !Array.isArray(data))) && (data !== null)){
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema21.type},message:"must be object,null",schema:schema21.type,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate52.errors = vErrors;
return errors === 0;
}


function validate45(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.input === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'",schema:schema17.required,parentSchema:schema17,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.mode !== undefined){
if(!(validate46(data.mode, {instancePath:instancePath+"/mode",parentData:data,parentDataProperty:"mode",rootData}))){
vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
errors = vErrors.length;
}
}
if(data.resources_id !== undefined){
let data1 = data.resources_id;
if((typeof data1 !== "string") && (data1 !== null)){
const err1 = {instancePath:instancePath+"/resources_id",schemaPath:"#/properties/resources_id/type",keyword:"type",params:{type: schema17.properties.resources_id.type},message:"must be string,null",schema:schema17.properties.resources_id.type,parentSchema:schema17.properties.resources_id,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.config !== undefined){
if(!(validate48(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
errors = vErrors.length;
}
}
if(data.metadata !== undefined){
if(!(validate52(data.metadata, {instancePath:instancePath+"/metadata",parentData:data,parentDataProperty:"metadata",rootData}))){
vErrors = vErrors === null ? validate52.errors : vErrors.concat(validate52.errors);
errors = vErrors.length;
}
}
if(data.worker_id !== undefined){
let data4 = data.worker_id;
if((typeof data4 !== "string") && (data4 !== null)){
const err2 = {instancePath:instancePath+"/worker_id",schemaPath:"#/properties/worker_id/type",keyword:"type",params:{type: schema17.properties.worker_id.type},message:"must be string,null",schema:schema17.properties.worker_id.type,parentSchema:schema17.properties.worker_id,data:data4};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.type,parentSchema:schema17,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate45.errors = vErrors;
return errors === 0;
}

export const checkRolloutPatch = validate54;
const schema22 = {"type":"object","properties":{"input":{},"mode":{"$ref":"#/$defs/RolloutModeOrNull"},"resources_id":{"type":["string","null"]},"status":{"$ref":"#/$defs/RolloutStatus"},"config":{"$ref":"#/$defs/RolloutConfigInput"},"metadata":{"$ref":"#/$defs/MetadataOrNull"}},"additionalProperties":false};
const schema23 = {"type":"string","enum":["queuing","preparing","running","failed","succeeded","cancelled","requeuing"]};

function validate56(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.type,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(!(((((((data === "queuing") || (data === "preparing")) || (data === "running")) || (data === "failed")) || (data === "succeeded")) || (data === "cancelled")) || (data === "requeuing"))){
const err1 = {instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema23.enum},message:"must be equal to one of the allowed values",schema:schema23.enum,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate56.errors = vErrors;
return errors === 0;
}

const schema24 = {"type":"object","properties":{"timeout_seconds":{"type":["number","null"]},"unresponsive_seconds":{"type":["number","null"]},"max_attempts":{"type":"integer","minimum":1},"retry_condition":{"type":"array","items":{"$ref":"#/$defs/AttemptStatus"}}},"additionalProperties":false};

function validate58(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "timeout_seconds") || (key0 === "unresponsive_seconds")) || (key0 === "max_attempts")) || (key0 === "retry_condition"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.timeout_seconds !== undefined){
let data0 = data.timeout_seconds;
if((!((typeof data0 == "number") && (isFinite(data0)))) && (data0 !== null)){
const err1 = {instancePath:instancePath+"/timeout_seconds",schemaPath:"#/properties/timeout_seconds/type",keyword:"type",params:{type: schema24.properties.timeout_seconds.type},message:"must be number,null",schema:schema24.properties.timeout_seconds.type,parentSchema:schema24.properties.timeout_seconds,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.unresponsive_seconds !== undefined){
let data1 = data.unresponsive_seconds;
if((!((typeof data1 == "number") && (isFinite(data1)))) && (data1 !== null)){
const err2 = {instancePath:instancePath+"/unresponsive_seconds",schemaPath:"#/properties/unresponsive_seconds/type",keyword:"type",params:{type: schema24.properties.unresponsive_seconds.type},message:"must be number,null",schema:schema24.properties.unresponsive_seconds.type,parentSchema:schema24.properties.unresponsive_seconds,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.max_attempts !== undefined){
let data2 = data.max_attempts;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err3 = {instancePath:instancePath+"/max_attempts",schemaPath:"#/properties/max_attempts/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.max_attempts.type,parentSchema:schema24.properties.max_attempts,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err4 = {instancePath:instancePath+"/max_attempts",schemaPath:"#/properties/max_attempts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema24.properties.max_attempts,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
if(data.retry_condition !== undefined){
let data3 = data.retry_condition;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
if(!(validate49(data3[i0], {instancePath:instancePath+"/retry_condition/" + i0,parentData:data3,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
errors = vErrors.length;
}
}
}
else {
const err5 = {instancePath:instancePath+"/retry_condition",schemaPath:"#/properties/retry_condition/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.properties.retry_condition.type,parentSchema:schema24.properties.retry_condition,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
validate58.errors = vErrors;
return errors === 0;
}


function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((key0 === "input") || (key0 === "mode")) || (key0 === "resources_id")) || (key0 === "status")) || (key0 === "config")) || (key0 === "metadata"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema22,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.mode !== undefined){
if(!(validate46(data.mode, {instancePath:instancePath+"/mode",parentData:data,parentDataProperty:"mode",rootData}))){
vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
errors = vErrors.length;
}
}
if(data.resources_id !== undefined){
let data1 = data.resources_id;
if((typeof data1 !== "string") && (data1 !== null)){
const err1 = {instancePath:instancePath+"/resources_id",schemaPath:"#/properties/resources_id/type",keyword:"type",params:{type: schema22.properties.resources_id.type},message:"must be string,null",schema:schema22.properties.resources_id.type,parentSchema:schema22.properties.resources_id,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.status !== undefined){
if(!(validate56(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
}
if(data.config !== undefined){
if(!(validate58(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData}))){
vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
errors = vErrors.length;
}
}
if(data.metadata !== undefined){
if(!(validate52(data.metadata, {instancePath:instancePath+"/metadata",parentData:data,parentDataProperty:"metadata",rootData}))){
vErrors = vErrors === null ? validate52.errors : vErrors.concat(validate52.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.type,parentSchema:schema22,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
validate54.errors = vErrors;
return errors === 0;
}

export const checkAttemptPatch = validate62;
const schema25 = {"type":"object","properties":{"status":{"$ref":"#/$defs/AttemptStatus"},"worker_id":{"type":"string"},"last_heartbeat_time":{"type":"number"},"metadata":{"$ref":"#/$defs/Metadata"}},"additionalProperties":false};
const schema26 = {"type":"object","additionalProperties":true};

function validate64(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
}
else {
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema26.type,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate64.errors = vErrors;
return errors === 0;
}


function validate62(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "status") || (key0 === "worker_id")) || (key0 === "last_heartbeat_time")) || (key0 === "metadata"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.status !== undefined){
if(!(validate49(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
errors = vErrors.length;
}
}
if(data.worker_id !== undefined){
let data1 = data.worker_id;
if(typeof data1 !== "string"){
const err1 = {instancePath:instancePath+"/worker_id",schemaPath:"#/properties/worker_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.worker_id.type,parentSchema:schema25.properties.worker_id,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.last_heartbeat_time !== undefined){
let data2 = data.last_heartbeat_time;
if(!((typeof data2 == "number") && (isFinite(data2)))){
const err2 = {instancePath:instancePath+"/last_heartbeat_time",schemaPath:"#/properties/last_heartbeat_time/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema25.properties.last_heartbeat_time.type,parentSchema:schema25.properties.last_heartbeat_time,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.metadata !== undefined){
if(!(validate64(data.metadata, {instancePath:instancePath+"/metadata",parentData:data,parentDataProperty:"metadata",rootData}))){
vErrors = vErrors === null ? validate64.errors : vErrors.concat(validate64.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.type,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate62.errors = vErrors;
return errors === 0;
}

export const checkNamedResources = validate66;
const schema27 = {"type":"object","additionalProperties":{"$ref":"#/$defs/Resource"}};
const schema28 = {"oneOf":[{"type":"object","required":["resource_type","endpoint","model"],"properties":{"resource_type":{"type":"string","const":"llm"},"endpoint":{"type":"string"},"model":{"type":"string"},"api_key":{"type":["string","null"]},"sampling_parameters":{"type":"object","additionalProperties":true}}},{"type":"object","required":["resource_type","endpoint","model"],"properties":{"resource_type":{"type":"string","const":"proxy_llm"},"endpoint":{"type":"string"},"model":{"type":"string"},"api_key":{"type":["string","null"]},"sampling_parameters":{"type":"object","additionalProperties":true}}},{"type":"object","required":["resource_type","template","engine"],"properties":{"resource_type":{"type":"string","const":"prompt_template"},"template":{"type":"string"},"engine":{"type":"string","enum":["jinja","f-string","poml"]}}}],"discriminator":{"propertyName":"resource_type"},"type":"object"};

function validate67(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
const tag0 = data.resource_type;
if(typeof tag0 == "string"){
if(tag0 === "llm"){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.resource_type === undefined){
const err0 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "resource_type"},message:"must have required property '"+"resource_type"+"'",schema:schema28.oneOf[0].required,parentSchema:schema28.oneOf[0],data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.endpoint === undefined){
const err1 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'",schema:schema28.oneOf[0].required,parentSchema:schema28.oneOf[0],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.model === undefined){
const err2 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'",schema:schema28.oneOf[0].required,parentSchema:schema28.oneOf[0],data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.resource_type !== undefined){
let data0 = data.resource_type;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/resource_type",schemaPath:"#/oneOf/0/properties/resource_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.oneOf[0].properties.resource_type.type,parentSchema:schema28.oneOf[0].properties.resource_type,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if("llm" !== data0){
const err4 = {instancePath:instancePath+"/resource_type",schemaPath:"#/oneOf/0/properties/resource_type/const",keyword:"const",params:{allowedValue: "llm"},message:"must be equal to constant",schema:"llm",parentSchema:schema28.oneOf[0].properties.resource_type,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.endpoint !== undefined){
let data1 = data.endpoint;
if(typeof data1 !== "string"){
const err5 = {instancePath:instancePath+"/endpoint",schemaPath:"#/oneOf/0/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.oneOf[0].properties.endpoint.type,parentSchema:schema28.oneOf[0].properties.endpoint,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.model !== undefined){
let data2 = data.model;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/model",schemaPath:"#/oneOf/0/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.oneOf[0].properties.model.type,parentSchema:schema28.oneOf[0].properties.model,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.api_key !== undefined){
let data3 = data.api_key;
if((typeof data3 !== "string") && (data3 !== null)){
const err7 = {instancePath:instancePath+"/api_key",schemaPath:"#/oneOf/0/properties/api_key/type",keyword:"type",params:{type: schema28.oneOf[0].properties.api_key.type},message:"must be string,null",schema:schema28.oneOf[0].properties.api_key.type,parentSchema:schema28.oneOf[0].properties.api_key,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.sampling_parameters !== undefined){
let data4 = data.sampling_parameters;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
}
else {
const err8 = {instancePath:instancePath+"/sampling_parameters",schemaPath:"#/oneOf/0/properties/sampling_parameters/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.oneOf[0].properties.sampling_parameters.type,parentSchema:schema28.oneOf[0].properties.sampling_parameters,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.oneOf[0].type,parentSchema:schema28.oneOf[0],data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else if(tag0 === "proxy_llm"){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.resource_type === undefined){
const err10 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "resource_type"},message:"must have required property '"+"resource_type"+"'",schema:schema28.oneOf[1].required,parentSchema:schema28.oneOf[1],data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.endpoint === undefined){
const err11 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'",schema:schema28.oneOf[1].required,parentSchema:schema28.oneOf[1],data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.model === undefined){
const err12 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'",schema:schema28.oneOf[1].required,parentSchema:schema28.oneOf[1],data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.resource_type !== undefined){
let data5 = data.resource_type;
if(typeof data5 !== "string"){
const err13 = {instancePath:instancePath+"/resource_type",schemaPath:"#/oneOf/1/properties/resource_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.oneOf[1].properties.resource_type.type,parentSchema:schema28.oneOf[1].properties.resource_type,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if("proxy_llm" !== data5){
const err14 = {instancePath:instancePath+"/resource_type",schemaPath:"#/oneOf/1/properties/resource_type/const",keyword:"const",params:{allowedValue: "proxy_llm"},message:"must be equal to constant",schema:"proxy_llm",parentSchema:schema28.oneOf[1].properties.resource_type,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.endpoint !== undefined){
let data6 = data.endpoint;
if(typeof data6 !== "string"){
const err15 = {instancePath:instancePath+"/endpoint",schemaPath:"#/oneOf/1/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.oneOf[1].properties.endpoint.type,parentSchema:schema28.oneOf[1].properties.endpoint,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.model !== undefined){
let data7 = data.model;
if(typeof data7 !== "string"){
const err16 = {instancePath:instancePath+"/model",schemaPath:"#/oneOf/1/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.oneOf[1].properties.model.type,parentSchema:schema28.oneOf[1].properties.model,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.api_key !== undefined){
let data8 = data.api_key;
if((typeof data8 !== "string") && (data8 !== null)){
const err17 = {instancePath:instancePath+"/api_key",schemaPath:"#/oneOf/1/properties/api_key/type",keyword:"type",params:{type: schema28.oneOf[1].properties.api_key.type},message:"must be string,null",schema:schema28.oneOf[1].properties.api_key.type,parentSchema:schema28.oneOf[1].properties.api_key,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.sampling_parameters !== undefined){
let data9 = data.sampling_parameters;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
}
else {
const err18 = {instancePath:instancePath+"/sampling_parameters",schemaPath:"#/oneOf/1/properties/sampling_parameters/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.oneOf[1].properties.sampling_parameters.type,parentSchema:schema28.oneOf[1].properties.sampling_parameters,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.oneOf[1].type,parentSchema:schema28.oneOf[1],data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else if(tag0 === "prompt_template"){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.resource_type === undefined){
const err20 = {instancePath,schemaPath:"#/oneOf/2/required",keyword:"required",params:{missingProperty: "resource_type"},message:"must have required property '"+"resource_type"+"'",schema:schema28.oneOf[2].required,parentSchema:schema28.oneOf[2],data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data.template === undefined){
const err21 = {instancePath,schemaPath:"#/oneOf/2/required",keyword:"required",params:{missingProperty: "template"},message:"must have required property '"+"template"+"'",schema:schema28.oneOf[2].required,parentSchema:schema28.oneOf[2],data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data.engine === undefined){
const err22 = {instancePath,schemaPath:"#/oneOf/2/required",keyword:"required",params:{missingProperty: "engine"},message:"must have required property '"+"engine"+"'",schema:schema28.oneOf[2].required,parentSchema:schema28.oneOf[2],data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data.resource_type !== undefined){
let data10 = data.resource_type;
if(typeof data10 !== "string"){
const err23 = {instancePath:instancePath+"/resource_type",schemaPath:"#/oneOf/2/properties/resource_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.oneOf[2].properties.resource_type.type,parentSchema:schema28.oneOf[2].properties.resource_type,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if("prompt_template" !== data10){
const err24 = {instancePath:instancePath+"/resource_type",schemaPath:"#/oneOf/2/properties/resource_type/const",keyword:"const",params:{allowedValue: "prompt_template"},message:"must be equal to constant",schema:"prompt_template",parentSchema:schema28.oneOf[2].properties.resource_type,data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.template !== undefined){
let data11 = data.template;
if(typeof data11 !== "string"){
const err25 = {instancePath:instancePath+"/template",schemaPath:"#/oneOf/2/properties/template/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.oneOf[2].properties.template.type,parentSchema:schema28.oneOf[2].properties.template,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.engine !== undefined){
let data12 = data.engine;
if(typeof data12 !== "string"){
const err26 = {instancePath:instancePath+"/engine",schemaPath:"#/oneOf/2/properties/engine/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.oneOf[2].properties.engine.type,parentSchema:schema28.oneOf[2].properties.engine,data:data12};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(!(((data12 === "jinja") || (data12 === "f-string")) || (data12 === "poml"))){
const err27 = {instancePath:instancePath+"/engine",schemaPath:"#/oneOf/2/properties/engine/enum",keyword:"enum",params:{allowedValues: schema28.oneOf[2].properties.engine.enum},message:"must be equal to one of the allowed values",schema:schema28.oneOf[2].properties.engine.enum,parentSchema:schema28.oneOf[2].properties.engine,data:data12};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.oneOf[2].type,parentSchema:schema28.oneOf[2],data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "mapping", tag: "resource_type", tagValue: tag0},message:"value of tag \"resource_type\" must be in oneOf",schema:schema28.discriminator,parentSchema:schema28,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "tag", tag: "resource_type", tagValue: tag0},message:"tag \"resource_type\" must be string",schema:schema28.discriminator,parentSchema:schema28,data};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.type,parentSchema:schema28,data};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
validate67.errors = vErrors;
return errors === 0;
}


function validate66(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(validate67(data[key0], {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data,parentDataProperty:key0,rootData}))){
vErrors = vErrors === null ? validate67.errors : vErrors.concat(validate67.errors);
errors = vErrors.length;
}
}
}
else {
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.type,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate66.errors = vErrors;
return errors === 0;
}

export const SPAN_KEYS = ["rollout_id","attempt_id","sequence_id","trace_id","span_id","parent_id","name","status","attributes","events","links","start_time","end_time","context","parent","resource"];
